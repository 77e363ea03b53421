import { resource } from '../../../shared/registry';
import * as send from './send';

export const order = resource('order', [send], 'send');
