import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/** The dialogs of the counter window: one at a time. */
export type QueueDialog = 'transfer' | 'finish' | 'pause' | 'walkIn' | 'info';

/**
 * What the panel tells the clerk after a command: a refusal (its code, mapped to words by the
 * window, and the message main gave as the fallback) or a short confirmation.
 */
export type QueueNotice = {
  tone: 'error' | 'info';
  code: string;
  message: string;
  /** Values for the words of the code (a count, a time). */
  values?: Record<string, string | number>;
};

export type QueueUiState = {
  dialog: QueueDialog | null;
  notice: QueueNotice | null;
  /** The central server's clock minus this window's, from the last panel: durations tick from it. */
  skewMs: number;
};

const initialState: QueueUiState = { dialog: null, notice: null, skewMs: 0 };

/** The counter panel's UI state: which dialog is open and what the last command said. */
export const queueSlice = createSlice({
  name: 'queueUi',
  initialState,
  reducers: {
    dialogOpened(state, action: PayloadAction<QueueDialog>) {
      state.dialog = action.payload;
    },
    dialogClosed(state) {
      state.dialog = null;
    },
    noticeShown(state, action: PayloadAction<QueueNotice>) {
      state.notice = action.payload;
    },
    noticeCleared(state) {
      state.notice = null;
    },
    /** A panel arrived: `serverNow` is the server's time in it, `localNow` this window's then. */
    serverClockSeen(state, action: PayloadAction<{ serverNow: string; localNow: number }>) {
      state.skewMs = Date.parse(action.payload.serverNow) - action.payload.localNow;
    },
  },
});

export const { dialogOpened, dialogClosed, noticeShown, noticeCleared, serverClockSeen } =
  queueSlice.actions;

export const selectQueueDialog = (state: { queueUi: QueueUiState }) => state.queueUi.dialog;
export const selectQueueNotice = (state: { queueUi: QueueUiState }) => state.queueUi.notice;
export const selectServerSkewMs = (state: { queueUi: QueueUiState }) => state.queueUi.skewMs;
