import { FollowUpQueue } from '$lib/adapters/local/follow-up-queue';
import { FollowUpStore } from '$lib/adapters/local/follow-up-store';
import { app } from './app';

let queue: FollowUpQueue | null = null;
let store: FollowUpStore | null = null;

/** The follow-up queue's pages, for the queue screen and the calendar file. */
export function followUpQueue(): FollowUpQueue {
	queue ??= new FollowUpQueue(app().db);
	return queue;
}

/**
 * One follow-up and the actions on it (done, snooze, not a fit, check-ins, undo, the message as
 * edited), for the screens that act on follow-ups. app().followUps only counts: the app shell
 * reads how many need action, and loads neither the queue nor the actions.
 */
export function followUpStore(): FollowUpStore {
	store ??= new FollowUpStore(app().db);
	return store;
}
