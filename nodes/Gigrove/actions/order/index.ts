import { resource } from '../../../shared/registry';
import * as addNote from './addNote';
import * as addShipmentTracking from './addShipmentTracking';
import * as get from './get';
import * as getMany from './getMany';
import * as getNotes from './getNotes';
import * as updateStatus from './updateStatus';

export const order = resource(
	'order',
	[get, getMany, updateStatus, getNotes, addNote, addShipmentTracking],
	'get',
);
