import { resource } from '../../../shared/registry';
import * as deleteGemstones from './delete';
import * as importGemstone from './import';
import * as listFields from './listFields';
import * as search from './search';
import * as update from './update';

export const gemstone = resource(
	'gemstone',
	[importGemstone, update, search, deleteGemstones, listFields],
	'search',
);
