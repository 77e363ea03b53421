import { resource } from '../../../shared/registry';
import * as create from './create';
import * as update from './update';

export const manufacturer = resource('manufacturer', [create, update], 'create');
