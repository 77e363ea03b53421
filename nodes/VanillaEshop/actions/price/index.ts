import { resource } from '../../../shared/registry';
import * as add from './add';
import * as addMany from './addMany';

export const price = resource('price', [add, addMany], 'add');
