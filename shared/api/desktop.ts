// What the desktop shell adds to the api for the renderer (window.regieDesktop): native file dialogs, files
// opened from the operating system or dropped on the window, and menu commands. Absent in browser mode, so
// the renderer checks for it.

/** IPC channel names shared by the preload and main/app; the renderer never uses them directly. */
export const DESKTOP_CHANNELS = {
  call: 'regie:call',
  openPlanDialog: 'regie:dialog-open-plan',
  savePlanDialog: 'regie:dialog-save-plan',
  openFolderDialog: 'regie:dialog-open-folder',
  openFile: 'regie:open-file',
  menu: 'regie:menu',
  dropFile: 'regie:drop-file',
} as const;

/** Menu commands the renderer carries out itself (the rest, like zoom or quit, main handles). */
export const MENU_ACTIONS = ['import', 'export'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export interface MenuCommand {
  action: MenuAction;
}

/** The file extension of plan files, without the dot. */
export const PLAN_FILE_EXTENSION = 'regie';

/** Stops a subscription. */
export type Unsubscribe = () => void;

/** A file dropped on the window (a DOM File; only its identity matters, the preload asks Electron for its path). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

export interface RegieDesktop {
  /** Asks the user for a plan file to import; the chosen path, or null when cancelled. */
  openPlanDialog(): Promise<string | null>;
  /** Asks the user where to save a plan file; the chosen path (ending in .regie), or null when cancelled. */
  savePlanDialog(suggestedName: string): Promise<string | null>;
  /** Asks the user for a folder (the postbus); the chosen folder's path, or null when cancelled. */
  openFolderDialog(): Promise<string | null>;
  /** A plan file opened from the operating system (double-click, "Openen met", a second start). */
  onOpenFile(callback: (path: string) => void): Unsubscribe;
  /** A command chosen in the application menu. */
  onMenu(callback: (command: MenuCommand) => void): Unsubscribe;
  /**
   * A .regie file dropped on the window: main allows its path for this session and returns it (it serves as
   * the file's id), or null when it is not a plan file on this computer.
   */
  openDroppedFile(file: DroppedFile): Promise<string | null>;
}
