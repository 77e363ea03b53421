import { resource } from '../../../shared/registry';
import * as addComment from './addComment';
import * as changeStatus from './changeStatus';
import * as create from './create';
import * as get from './get';
import * as update from './update';
import * as updateAddress from './updateAddress';

export const order = resource(
	'order',
	[create, get, update, updateAddress, changeStatus, addComment],
	'create',
);
