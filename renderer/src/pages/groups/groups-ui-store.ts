import { create } from 'zustand';
import type { Group } from '../../../../shared/model';

export type GroupDialog =
  | { kind: 'create'; mode: 'child'; parent: Group }
  | { kind: 'create'; mode: 'existing' }
  | { kind: 'edit'; group: Group }
  | { kind: 'delete'; group: Group; descendantCount: number };

interface GroupsUiState {
  /** The dialog last opened; kept while it closes so its content does not vanish mid-transition. */
  dialog: GroupDialog | undefined;
  open: boolean;
  /** New for every opening, so a dialog's form starts fresh each time. */
  openCount: number;
  openDialog(dialog: GroupDialog): void;
  closeDialog(): void;
}

export const useGroupsUiStore = create<GroupsUiState>()((set) => ({
  dialog: undefined,
  open: false,
  openCount: 0,
  openDialog: (dialog) => set((state) => ({ dialog, open: true, openCount: state.openCount + 1 })),
  closeDialog: () => set({ open: false }),
}));
