import { z } from 'zod';

import { emailAddress, optionalText, requiredText } from '../../../shared/validation';
import { bodyLabels } from '../labels';
import { customerFields } from './properties';

// Doc: Customers › Add Customer / Update customer. Only the password is optional on Update.

export const customerSchema = (passwordRequired: boolean) =>
	z.object({
		firstname: requiredText(),
		email: emailAddress(),
		telephone: requiredText(),
		password: passwordRequired ? requiredText() : optionalText(),
	});

export const customerLabels = (passwordRequired: boolean) =>
	bodyLabels(customerFields(passwordRequired));
