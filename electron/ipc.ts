import { events, IPC_CALL_PREFIX, IPC_EVENT_PREFIX, methodNames } from '../shared/api';
import { errorCodes, type CallResult } from '../shared/errors';
import { originOf } from './app-protocol';
import type { Core } from './core/core';
import { dispatchCall } from './core/dispatch';

/** The parts of Electron's `WebFrameMain` the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The parts of `ipcMain` used here; Electron's own object fits, and so does a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Where core events go: the main window's webContents while it exists. */
export interface EventSink {
  readonly mainFrame: SenderFrame;
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export type SenderCheck = (frame: SenderFrame | null) => boolean;

/**
 * A call is answered only for the top frame of a page from one of the app's own origins: an iframe,
 * a page the window was somehow navigated to, or a frame already gone gets nothing.
 */
export function trustedSenderCheck(trustedOrigins: readonly string[]): SenderCheck {
  return (frame) => {
    if (!frame) return false;
    try {
      const origin = originOf(frame.url);
      return frame.parent === null && origin !== null && trustedOrigins.includes(origin);
    } catch {
      // Electron throws when a disposed frame's properties are read: that sender is gone anyway.
      return false;
    }
  };
}

const forbidden: CallResult<never> = {
  ok: false,
  error: { code: errorCodes.forbidden, message: 'This page may not call Liaison' },
};

/**
 * Registers every contract method as an IPC handler and forwards every core event to the window.
 * Handlers never throw: each answer is a CallResult, as over the web host. Returns the undo.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  core: Core,
  isTrustedSender: SenderCheck,
  eventSink: () => EventSink | undefined,
): () => void {
  for (const method of methodNames) {
    ipcMain.handle(IPC_CALL_PREFIX + method, async (event, input) => {
      if (!isTrustedSender(event.senderFrame)) {
        core.logger.warn({ method }, 'refused an IPC call from an untrusted frame');
        return forbidden;
      }
      return dispatchCall(core, method, input);
    });
  }

  const unsubscribe = core.events.subscribe((name, payload) => {
    const sink = eventSink();
    if (!sink || sink.isDestroyed() || !isTrustedSender(sink.mainFrame)) return;
    // Parsed like call outputs: only what the contract declares reaches the page.
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      core.logger.error({ event: name }, 'dropped an event that does not match the contract');
      return;
    }
    sink.send(IPC_EVENT_PREFIX + name, parsed.data);
  });

  return () => {
    unsubscribe();
    for (const method of methodNames) ipcMain.removeHandler(IPC_CALL_PREFIX + method);
  };
}
