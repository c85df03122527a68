import { NodeHelpers } from 'n8n-workflow';
import type { IExecuteFunctions, INodeParameters, INodeProperties, NodeParameterValueType } from 'n8n-workflow';

import type { SettingProblem } from '../../../core/models/validate';
import { apiBaseUrl } from '../../../core/transport/request';
import type { OperationRun } from '../operation';
import { readCallbackOptions, replyUrlAddressProblems } from './callbackOptions';
import { readCreditBudget, unpricedProblems } from './creditBudgetOption';
import { checkBinaryContent } from './fileInput';
import type { PreparedGeneration } from './generation';
import { rejectProblems } from './generation';

/**
 * Checks of an item's raw input that hold for every generating operation, made from the
 * operation's own field definitions before anything is sent.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const uniqueByName = (fields: INodeProperties[]) => [...new Map(fields.map((field) => [field.name, field])).values()];

/**
 * Text fields: a required one must hold text (not nothing, not only spaces), an optional one is
 * empty or holds text, and neither may hold a lone surrogate (half an emoji: not valid text).
 */
export function textProblems(context: IExecuteFunctions, itemIndex: number, fields: INodeProperties[]): SettingProblem[] {
	const problems: SettingProblem[] = [];
	for (const field of uniqueByName(fields.filter((candidate) => candidate.type === 'string'))) {
		// A field the form hides for these settings has no value (null).
		const value = context.getNodeParameter(field.name, itemIndex, null) as unknown;
		if (typeof value !== 'string') continue;
		const required = fields.some((candidate) => candidate.name === field.name && candidate.required);
		const surrogate = LONE_SURROGATE.exec(value);
		if (surrogate) {
			problems.push({
				field: field.name,
				value,
				message: `${field.displayName} holds a lone surrogate (\\u${surrogate[0].charCodeAt(0).toString(16).toUpperCase()} at character ${surrogate.index + 1}), half of a character such as an emoji; allowed: valid Unicode text`,
			});
		} else if (!value.trim() && (required || value !== '')) {
			problems.push({
				field: field.name,
				value,
				message: `${field.displayName} is ${value ? 'only spaces' : 'empty'}; allowed: ${required ? 'text (it is required)' : 'text, or nothing at all'}`,
			});
		}
	}
	return problems;
}

const conditionOf = (fields: INodeProperties[]): string => {
	const values = new Map<string, Set<unknown>>();
	for (const field of fields) {
		for (const [name, allowed] of Object.entries(field.displayOptions?.show ?? {})) {
			const set = values.get(name) ?? new Set();
			for (const value of allowed ?? []) set.add(value);
			values.set(name, set);
		}
	}
	return [...values].map(([name, set]) => `${name} is ${[...set].map((value) => JSON.stringify(value)).join(' or ')}`).join(' and ');
};

/** The stand-in's reason, said of the chosen model when the model is what hides the field. */
function whyHidden(standIn: INodeProperties, parameters: INodeParameters): string {
	if (!standIn.description) return 'the form hides it for these settings';
	if (!standIn.displayOptions?.show?.model) return standIn.description;
	return `${parameters.model === undefined ? 'this model' : `model ${JSON.stringify(parameters.model)}`} ${standIn.description}`;
}

/**
 * A value for a field the form hides for the chosen model or options. n8n drops such a value
 * before the node runs, unless a hidden stand-in of the same name (formFields' `keepHiddenValue`)
 * is shown in its place: then the raw node parameters hold it, and a value other than the
 * stand-in's default was set on purpose (a workflow written by hand or imported) and would
 * silently not be sent. It is an error that says where the field applies.
 */
export function hiddenFieldProblems(context: IExecuteFunctions, fields: INodeProperties[]): SettingProblem[] {
	const node = context.getNode();
	const parameters: INodeParameters = node.parameters;
	const problems: SettingProblem[] = [];
	for (const name of new Set(fields.map((field) => field.name))) {
		if (!(name in parameters)) continue;
		const named = fields.filter((field) => field.name === name);
		const shown = named.filter((field) => NodeHelpers.displayParameter(parameters, field, node, null));
		const standIn = shown.find((field) => field.type === 'hidden');
		if (!standIn || shown.some((field) => field.type !== 'hidden')) continue;
		const value = parameters[name] as NodeParameterValueType;
		if (JSON.stringify(value) === JSON.stringify(standIn.default)) continue;
		const visible = named.filter((field) => field.type !== 'hidden');
		const elsewhere = visible.length ? `, or a value only when ${conditionOf(visible)}` : ' (no model of this operation takes it)';
		problems.push({
			field: name,
			value,
			message: `${visible[0]?.displayName ?? name} is set to ${JSON.stringify(value)}, but ${whyHidden(standIn, parameters)}, so PixVerse would not get it; allowed: unset here${elsewhere}`,
		});
	}
	return problems;
}

type Prepare = Extract<OperationRun, { kind: 'generation' }>['prepare'];

/**
 * An operation's prepare step with every input check in front and behind it, so that a bad input
 * of any item is refused (naming field, value and what is allowed) before the batch sends anything.
 */
export function withInputChecks(fields: INodeProperties[], prepare: Prepare): Prepare {
	return async (context: IExecuteFunctions, itemIndex: number): Promise<PreparedGeneration> => {
		const replyUrl = readCallbackOptions(context, itemIndex).replyUrl;
		const { budget, problems: budgetProblems } = readCreditBudget(context);
		rejectProblems(context, itemIndex, [
			...hiddenFieldProblems(context, fields),
			...textProblems(context, itemIndex, fields),
			...replyUrlAddressProblems(replyUrl, replyUrl === undefined ? '' : await apiBaseUrl(context)),
			...budgetProblems,
		]);
		const prepared = await prepare(context, itemIndex);
		for (const file of prepared.files) await checkBinaryContent(context, itemIndex, file);
		rejectProblems(context, itemIndex, unpricedProblems(budget, prepared.charge));
		return prepared;
	};
}
