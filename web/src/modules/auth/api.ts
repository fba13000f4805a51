import { api } from '../../app/api/client';

export interface SignedIn {
  user: { id: string; username: string; displayName: string };
}

export const signIn = (username: string, password: string) => api.post<SignedIn>('/api/auth/login', { username, password });
