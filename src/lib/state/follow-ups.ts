import { FollowUpStore } from '$lib/adapters/local/follow-up-store';
import { app } from './app';

let store: FollowUpStore | null = null;

/**
 * One follow-up and the actions on it (done, snooze, not a fit, check-ins, undo, the message as
 * edited), for the screens that act on follow-ups. app().followUps is the queue only: the app
 * shell reads how many need action, and does not load the actions.
 */
export function followUpStore(): FollowUpStore {
	store ??= new FollowUpStore(app().db);
	return store;
}
