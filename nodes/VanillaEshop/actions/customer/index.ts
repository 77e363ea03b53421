import { resource } from '../../../shared/registry';
import * as create from './create';
import * as deleteCustomer from './delete';
import * as update from './update';

export const customer = resource('customer', [create, update, deleteCustomer], 'create');
