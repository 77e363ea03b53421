import type { IDataObject } from 'n8n-workflow';

import { PollState } from '../../nodes/shared/poll-state';

const stored = (staticData: IDataObject) =>
	staticData.pollState as { v: number; cursor: string | null; seen: string[][] };

describe('PollState', () => {
	it('is a first run with no state, remembers keys and cursor, and survives JSON', () => {
		const staticData: IDataObject = {};
		const first = new PollState(staticData, 'orders');
		expect(first.isFirstRun).toBe(true);
		first.remember('a', '2026-11-23 09:59:00');
		first.remember('b', '2026-11-23 10:00:00');
		first.commit('2026-11-23 10:00:00', '2026-11-23 09:00:00');

		const restored = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		const second = new PollState(restored, 'orders');
		expect(second.isFirstRun).toBe(false);
		expect(second.cursor).toBe('2026-11-23 10:00:00');
		expect(second.has('a') && second.has('b')).toBe(true);
		expect(second.has('c')).toBe(false);
	});

	it('starts afresh when what the trigger watches changes', () => {
		const staticData: IDataObject = {};
		const state = new PollState(staticData, 'orders');
		state.remember('a', '1');
		state.commit('1', '1');
		const changed = new PollState(staticData, 'orders|status=paid');
		expect(changed.isFirstRun).toBe(true);
		expect(changed.has('a')).toBe(false);
	});

	it('keeps every key from where the next poll reads on, however many, and forgets the older ones', () => {
		const staticData: IDataObject = {};
		const state = new PollState(staticData, 'orders');
		for (let id = 1; id <= 20_000; id++) state.remember(String(id), String(id));
		state.commit('20000', '8000');
		expect(state.has('7999')).toBe(false);
		expect(state.has('8000') && state.has('20000')).toBe(true);
		expect(stored(staticData).seen).toHaveLength(12_001);

		// the next read starts later: what lies before it goes
		state.commit('20000', '19990');
		expect(stored(staticData).seen.map(([position]) => position)).toEqual(
			Array.from({ length: 11 }, (_, n) => String(19_990 + n)),
		);
	});

	it('groups the keys of one position, oldest position first, numbers as numbers', () => {
		const staticData: IDataObject = {};
		const state = new PollState(staticData, 'x');
		state.remember('c', '10');
		state.remember('a', '9');
		state.remember('b', '10');
		state.remember('a', '9');
		state.commit('10', undefined);
		expect(stored(staticData)).toEqual({
			v: 2,
			config: 'x',
			cursor: '10',
			seen: [
				['9', 'a'],
				['10', 'c', 'b'],
			],
			floor: null,
		});
	});

	it('keeps everything when the next poll reads everything (no look-back start)', () => {
		const staticData: IDataObject = {};
		const state = new PollState(staticData, 'x');
		state.remember('a', 'not a date');
		state.commit('not a date', undefined);
		expect(new PollState(staticData, 'x').has('a')).toBe(true);
	});

	describe('state saved by version 1 (keys without positions)', () => {
		const v1 = (): IDataObject => ({
			pollState: {
				v: 1,
				config: 'orders',
				cursor: '2026-11-23 10:00:00',
				seen: ['old', 'near', 'newest'],
			},
		});

		it('loads as it was: same cursor, same keys, not a first run', () => {
			const state = new PollState(v1(), 'orders');
			expect(state.isFirstRun).toBe(false);
			expect(state.cursor).toBe('2026-11-23 10:00:00');
			expect(['old', 'near', 'newest'].every((key) => state.has(key))).toBe(true);
		});

		it('keys read again take their position; the others are kept at the read start, until the read start moves', () => {
			const staticData = v1();
			const state = new PollState(staticData, 'orders');
			state.remember('near', '2026-11-23 09:30:00');
			state.remember('newest', '2026-11-23 10:00:00');
			state.commit('2026-11-23 10:00:00', '2026-11-23 09:00:00', '2026-11-23 09:00:00');
			expect(stored(staticData)).toEqual({
				v: 2,
				config: 'orders',
				cursor: '2026-11-23 10:00:00',
				seen: [
					['2026-11-23 09:00:00', 'old'],
					['2026-11-23 09:30:00', 'near'],
					['2026-11-23 10:00:00', 'newest'],
				],
				floor: null,
			});

			const next = new PollState(staticData, 'orders');
			next.commit('2026-11-23 10:10:00', '2026-11-23 09:10:00', '2026-11-23 09:00:00');
			expect(['old', 'near', 'newest'].map((key) => next.has(key))).toEqual([false, true, true]);
		});

		it('after a read of everything, keys not read again are gone', () => {
			const staticData = v1();
			const state = new PollState(staticData, 'orders');
			state.remember('newest', '2026-11-23 10:00:00');
			state.commit('2026-11-23 10:00:00', undefined, undefined);
			expect(stored(staticData).seen).toEqual([['2026-11-23 10:00:00', 'newest']]);
		});
	});

	describe('floor', () => {
		it('is kept once set, and read back after a restart', () => {
			const staticData: IDataObject = {};
			const state = new PollState(staticData, 'x');
			state.commit('10', '5', undefined, '5');
			const next = new PollState(JSON.parse(JSON.stringify(staticData)) as IDataObject, 'x');
			expect(next.floor).toBe('5');
			next.commit('20', '15');
			expect(new PollState(staticData, 'x').floor).toBe('5');
		});

		it('state saved before floors were kept takes the legacy floor from its cursor', () => {
			const staticData: IDataObject = {
				pollState: { v: 2, config: 'x', cursor: '104', seen: [['104', '104']] },
			};
			expect(new PollState(staticData, 'x', (cursor) => cursor).floor).toBe('104');
			expect(new PollState(staticData, 'x').floor).toBeUndefined();
		});

		it('a saved floor of null (none yet) is not replaced by the legacy floor', () => {
			const staticData: IDataObject = {
				pollState: { v: 2, config: 'x', cursor: '104', seen: [], floor: null },
			};
			expect(new PollState(staticData, 'x', (cursor) => cursor).floor).toBeUndefined();
		});
	});
});
