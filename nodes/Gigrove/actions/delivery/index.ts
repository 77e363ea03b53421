import { resource } from '../../../shared/registry';
import * as get from './get';
import * as getMany from './getMany';
import * as updateStatus from './updateStatus';

export const delivery = resource('delivery', [getMany, get, updateStatus], 'getMany');
