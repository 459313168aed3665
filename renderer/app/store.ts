import { configureStore } from '@reduxjs/toolkit';
import { queueSlice } from '../features/queue/queueSlice';
import { clerkApi } from './clerkApi';

export function createStore() {
  return configureStore({
    reducer: {
      [clerkApi.reducerPath]: clerkApi.reducer,
      [queueSlice.name]: queueSlice.reducer,
    },
    middleware: (getDefault) => getDefault().concat(clerkApi.middleware),
  });
}

export type AppStore = ReturnType<typeof createStore>;
export type RootState = ReturnType<AppStore['getState']>;
