import { contextBridge, ipcRenderer, type IpcRenderer } from 'electron';
import { IPC_CALL_PREFIX, IPC_EVENT_PREFIX, isEventName, isMethodName, type LiaisonBridge } from '../shared/api';
import { errorCodes, type CallResult } from '../shared/errors';

type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * The page's only door to the main process: named contract calls and events, nothing raw. Unknown
 * names are refused here, so the page cannot even reach an IPC channel the contract does not declare.
 */
export function createBridge(ipc: IpcRendererLike): LiaisonBridge {
  return {
    async call(method, input) {
      if (!isMethodName(method)) {
        return failure(errorCodes.unknownMethod, `Unknown method: ${String(method).slice(0, 100)}`);
      }
      try {
        return (await ipc.invoke(IPC_CALL_PREFIX + method, input)) as unknown;
      } catch {
        // Only a missing handler or a dead main process gets here: handlers answer with envelopes.
        return failure(errorCodes.transport, 'The Liaison main process did not answer');
      }
    },
    on(event, listener) {
      if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
      const channel = IPC_EVENT_PREFIX + event;
      // The IpcRendererEvent (with its sender) never reaches the page: only the payload does.
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    },
  };
}

function failure(code: string, message: string): CallResult<never> {
  return { ok: false, error: { code, message } };
}

contextBridge.exposeInMainWorld('liaison', createBridge(ipcRenderer));
