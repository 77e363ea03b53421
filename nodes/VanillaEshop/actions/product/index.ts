import { resource } from '../../../shared/registry';
import * as changeSku from './changeSku';
import * as create from './create';
import * as createOrUpdateMany from './createOrUpdateMany';
import * as deleteProduct from './delete';
import * as update from './update';

export const product = resource(
	'product',
	[create, update, deleteProduct, changeSku, createOrUpdateMany],
	'create',
);
