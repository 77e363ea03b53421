import type { IDataObject } from 'n8n-workflow';

import { PollState } from '../../nodes/shared/poll-state';

describe('PollState', () => {
	it('is a first run with no state, remembers keys and cursor, and survives JSON', () => {
		const staticData: IDataObject = {};
		const first = new PollState(staticData, 'orders');
		expect(first.isFirstRun).toBe(true);
		first.commit(['a', 'b'], '2026-11-23T10:00:00Z');

		const restored = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		const second = new PollState(restored, 'orders');
		expect(second.isFirstRun).toBe(false);
		expect(second.cursor).toBe('2026-11-23T10:00:00Z');
		expect(second.has('a') && second.has('b')).toBe(true);
		expect(second.has('c')).toBe(false);
	});

	it('starts afresh when what the trigger watches changes', () => {
		const staticData: IDataObject = {};
		new PollState(staticData, 'orders').commit(['a'], 'x');
		const changed = new PollState(staticData, 'orders|status=paid');
		expect(changed.isFirstRun).toBe(true);
		expect(changed.has('a')).toBe(false);
	});

	it('keeps at most `bound` keys, dropping the oldest, whatever the history', () => {
		const staticData: IDataObject = {};
		const state = new PollState(staticData, 'orders', 1000);
		for (let batch = 0; batch < 10; batch++) {
			state.commit(Array.from({ length: 1000 }, (_, i) => `order-${batch * 1000 + i}`));
		}
		const stored = staticData.pollState as { seen: string[] };
		expect(stored.seen).toHaveLength(1000);
		expect(stored.seen[0]).toBe('order-9000');
		expect(state.has('order-9999')).toBe(true);
		expect(JSON.stringify(staticData).length).toBeLessThan(20_000);
	});

	it('does not record a key twice', () => {
		const staticData: IDataObject = {};
		const state = new PollState(staticData, 'x');
		state.commit(['a', 'a']);
		state.commit(['a']);
		expect((staticData.pollState as { seen: string[] }).seen).toEqual(['a']);
	});
});
