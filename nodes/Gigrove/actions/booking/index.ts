import { resource } from '../../../shared/registry';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';
import * as updateStatus from './updateStatus';

export const booking = resource('booking', [get, getMany, update, updateStatus], 'get');
