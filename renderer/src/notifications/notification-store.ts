import { create } from 'zustand';

export type NotificationSeverity = 'success' | 'info' | 'warning' | 'error';

export interface Notification {
  /** Changes with every notification, so the same message twice still shows twice. */
  key: number;
  message: string;
  severity: NotificationSeverity;
}

interface NotificationState {
  current: Notification | undefined;
  open: boolean;
  notify(message: string, severity?: NotificationSeverity): void;
  dismiss(): void;
}

let nextKey = 1;

/** The one snackbar message the app is showing (short confirmations such as "Group created"). */
export const useNotificationStore = create<NotificationState>()((set) => ({
  current: undefined,
  open: false,
  notify: (message, severity = 'success') => set({ current: { key: nextKey++, message, severity }, open: true }),
  dismiss: () => set({ open: false }),
}));

/** For code outside React (and handlers that need no re-render). */
export const notify = (message: string, severity?: NotificationSeverity): void =>
  useNotificationStore.getState().notify(message, severity);
