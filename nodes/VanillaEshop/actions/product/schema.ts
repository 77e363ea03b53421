import { z } from 'zod';

import { optionalText, requiredId, requiredText } from '../../../shared/validation';
import { bodyLabels } from '../labels';
import { atLeast, between, country, dateOnly, dateTime, flag } from '../rules';
import { productProperties } from './properties';
import type { ProductOperation } from './properties';

// The doc's rules for a product body, on Create, Update and Bulk alike.

const translation = z
	.object({
		name: requiredText(),
		meta_description: optionalText(),
		meta_keyword: optionalText(),
		description: optionalText(),
		tag: optionalText(),
		is_done: flag.optional(),
	})
	.passthrough();

export const productSchema = (operation: ProductOperation, timeZone: string) =>
	z
		.object({
			sku: operation === 'create' ? requiredId() : optionalText(),
			product_id: optionalText(),
			ar: translation,
			en: translation,
			price: atLeast(0),
			logistics_cost: atLeast(0),
			inventory_cost: atLeast(0),
			cost: atLeast(0),
			quantity: atLeast(0),
			upc: optionalText(),
			image: optionalText(),
			minimum: atLeast(1),
			maximum: between(1, 10),
			subtract: atLeast(1).optional(),
			stock_status_id: requiredId(),
			is_returnable: flag,
			status: requiredId(),
			status_demand: optionalText(),
			status_supplier: optionalText(),
			status_clead: optionalText(),
			shipping_country: z.array(country).optional(),
			product_link: requiredText(),
			date_available: dateOnly(timeZone).optional(),
			manufacturer_id: optionalText(),
			master_category_id: requiredId(),
			product_categories: z.array(requiredId()).optional(),
			product_filters: z.array(requiredId()).optional(),
			product_related: z.array(requiredId()).optional(),
			attribute: z
				.array(
					z
						.object({
							attribute_id: requiredId(),
							ar: z.object({ description: requiredText() }).passthrough(),
							en: z.object({ description: requiredText() }).passthrough(),
						})
						.passthrough(),
				)
				.min(1, 'must have at least 1 attribute')
				.optional(),
			option: z
				.array(
					z
						.object({
							option_id: requiredId(),
							required: flag,
							values: z.array(
								z
									.object({
										option_value_id: requiredId(),
										sku: requiredId(),
										quantity: atLeast(0),
										price: atLeast(0),
									})
									.passthrough(),
							),
						})
						.passthrough(),
				)
				.min(1, 'must have at least 1 option')
				.optional(),
			special: z
				.array(
					z
						.object({
							price: atLeast(0),
							date_start: dateTime(timeZone),
							date_end: dateTime(timeZone),
						})
						.passthrough(),
				)
				.min(1, 'must have at least 1 special price')
				.optional(),
		})
		.passthrough();

/** Every product field by its path in the body, labelled as the panel shows it (Bulk shows them all). */
export const productLabels = bodyLabels(productProperties('bulk'));
