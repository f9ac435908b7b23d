import { CLEAR_SESSION_COOKIE } from '../../server/session-cookie';

function signOut(): Response {
  return new Response(null, {
    status: 303,
    headers: { location: '/login', 'set-cookie': CLEAR_SESSION_COOKIE },
  });
}

export const POST = signOut;
export const GET = signOut;
