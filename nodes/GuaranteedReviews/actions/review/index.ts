import { resource } from '../../../shared/registry';
import * as getMany from './getMany';
import * as getManyPrivate from './getManyPrivate';
import * as getRatingSummary from './getRatingSummary';
import * as getStats from './getStats';

export const review = resource(
	'review',
	[getMany, getManyPrivate, getRatingSummary, getStats],
	'getMany',
);
