import { resource } from '../../../shared/registry';
import * as getMany from './getMany';

export const notification = resource('notification', [getMany], 'getMany');
