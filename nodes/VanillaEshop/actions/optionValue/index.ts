import { resource } from '../../../shared/registry';
import * as create from './create';
import * as update from './update';

export const optionValue = resource('optionValue', [create, update], 'create');
