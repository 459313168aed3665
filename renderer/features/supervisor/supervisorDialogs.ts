/** Which of the supervisor's action dialogs is open, and for what. */
export type SupervisorDialog =
  | { kind: 'categories'; counterId: string }
  | { kind: 'state'; counterId: string; state: 'open' | 'closed' }
  | { kind: 'message'; counterId: string }
  | { kind: 'move' };
