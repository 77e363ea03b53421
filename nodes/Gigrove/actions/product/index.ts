import { resource } from '../../../shared/registry';
import * as create from './create';
import * as createVariation from './createVariation';
import * as deleteProduct from './delete';
import * as deleteVariation from './deleteVariation';
import * as get from './get';
import * as getMany from './getMany';
import * as getVariations from './getVariations';
import * as quickEdit from './quickEdit';
import * as update from './update';
import * as updateVariation from './updateVariation';

export const product = resource(
	'product',
	[
		create,
		update,
		get,
		getMany,
		deleteProduct,
		quickEdit,
		getVariations,
		createVariation,
		updateVariation,
		deleteVariation,
	],
	'create',
);
