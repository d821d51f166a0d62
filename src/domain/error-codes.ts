/**
 * The stable codes of expected failures, as data: each names what went wrong, says when it happens
 * and which structured parameters come with it. Every `Error` member and every input issue carries
 * one next to its English message, so a client branches on the code and translates it with the
 * params instead of reading the message; import rows carry them too (skip reasons, the `Error
 * Codes` column of the error and result files). The GraphQL `ErrorCode` enum is built from this
 * list, and its descriptions are these texts.
 *
 * A code is a kind of failure a client would handle one way, not one per message. Codes are never
 * renamed or reused for something else; new ones may be added.
 */

/** What one code means. */
export interface ErrorCodeInfo {
  /** When it happens, in a sentence or two. */
  readonly when: string;
  /** The params it carries, by name, each with what it holds; none when absent. */
  readonly params?: Readonly<Record<string, string>>;
}

export const ERROR_CODES = {
  VALIDATION_FAILED: {
    when: 'The input breaks one or more rules: the code of a ValidationError (and of a GraphQL error with `extensions.issues`), whose issues each carry a code of their own.',
  },
  NOT_FOUND: {
    when: 'The thing named does not exist in the workspace (a thing of another workspace is answered the same way).',
    params: { entity: 'what was looked for: Contact, ContactDetail, Group, Field, ImportJob, Webhook, ApiKey', id: 'the identifier given' },
  },
  INVALID_STATE: {
    when: 'The operation does not fit the state of its target: an import job not in a status the action takes, being cancelled, expired, or with nothing written to revert.',
    params: { state: 'the status the target is in' },
  },

  REQUIRED: { when: 'A value that must be given is missing or blank, or a list that must hold something is empty.' },
  TOO_LONG: {
    when: 'A text is longer than allowed (any text of an input, a name, a label, a tag, a reason, a search, a URL).',
    params: { limit: 'the most characters allowed', length: 'the characters given, where told' },
  },
  NUL_CHARACTER: { when: 'A text holds the NUL character (U+0000), which no text may hold.' },
  OUT_OF_RANGE: {
    when: 'A number is outside the range allowed: a page size, a workspace setting (or above what the server allows), a column index of an import.',
    params: { min: 'the least allowed', max: 'the most allowed' },
  },
  ONE_OF: {
    when: 'Of the inputs named, give exactly one (or, for first and last, at most one): both were given, or neither where one is needed.',
    params: { fields: 'the names of the inputs' },
  },
  NOT_APPLICABLE: {
    when: "An input was given where it does not apply: hasHeader for a file, sheetName for text or a CSV, options for a field type without options, a filter for a static group, an identifier (or a contactId column) an import's purpose does not use.",
  },
  DUPLICATE_VALUE: {
    when: 'A value is given twice where each must differ (a field option, a detail, a column, a sort key, a channel, a primary detail of one kind), or the contact has that phone number or email address already.',
  },
  INVALID_CHOICE: {
    when: 'A value is not one of those allowed (an import purpose, identifier or in-file duplicate rule, a field type, a channel, a consent source).',
    params: { allowed: 'the values allowed' },
  },
  WRONG_TYPE: { when: 'A value has the wrong type: a request body that is not a JSON object, a field of it that is not a list, string or id.' },
  INVALID_ID: { when: 'An id is not a well-formed id.' },
  NOT_A_CURSOR: { when: 'A paging cursor is not one of this list, or belongs to the list in another order: start again from the first page.' },
  INVALID_RANGE: { when: 'A range is empty: its start is not before its end.' },
  INVALID_DOWNLOAD_LINK: { when: 'A download URL does not carry a valid request: ask for a new link.' },

  UNKNOWN_FIELD: {
    when: 'No field has the key given (it may have been deleted), or a key names nothing the input has (an export column, an audience request field).',
    params: { key: 'the key given' },
  },
  BUILT_IN_FIELD: { when: 'A built-in field was to be changed or deleted: only custom fields can be.', params: { key: 'the field key' } },
  FIELD_KEY_TAKEN: {
    when: "A new field's label gives a key another field has already: a built-in field, an existing custom field (keys compared ignoring case), another new field of the same mapping, or contactId, which imports use for contact ids.",
    params: { key: 'the key the label gives' },
  },
  FIELD_LABEL_TAKEN: {
    when: "A new field's label reads like an existing field's, differing only in case, spaces or punctuation: use that field, or choose another label.",
  },
  FIELD_LIMIT_REACHED: {
    when: "A new custom field (by the fields API or an import's mapping) would pass the workspace's custom field limit.",
    params: { limit: 'the limit', count: 'the custom fields the workspace has', adding: 'the new fields an import mapping makes, for a mapping' },
  },
  FIELD_ALREADY_MAPPED: {
    when: 'A field is mapped to more than one column of an import: the leftmost column keeps it.',
    params: { key: 'the field key' },
  },
  IDENTIFIER_NOT_MAPPED: {
    when: "The import's identifier needs a column mapped to its field.",
    params: { identifier: 'PHONE, EMAIL or CONTACT_ID', key: 'the field the column must be mapped to' },
  },
  IN_USE: {
    when: 'A field or group is used by the filter of one or more dynamic groups: change or delete those first.',
    params: { groups: 'the names of the groups whose filters use it' },
  },
  GROUP_NAME_TAKEN: { when: 'A group with this name exists already.', params: { name: 'the name' } },
  GROUP_IS_DYNAMIC: {
    when: "A dynamic group was given where members are added by hand (adding members, an import's groups, merging a static group into it): its filter decides its members.",
    params: { group: 'the name or id of the group' },
  },
  MERGE_INTO_ITSELF: { when: 'A group or contact would be merged into itself.' },

  INVALID_FILTER: {
    when: 'A filter condition is malformed: not exactly one key, an unknown condition or operator, a value of the wrong form, an operator the field type does not take, or a dynamic group without a filter.',
  },
  FILTER_TOO_LARGE: {
    when: 'A filter is over a size limit: its conditions, values or nesting, or, with the dynamic groups it names written out, its compiled size or the chain of groups.',
    params: { limit: 'the limit passed' },
  },
  GROUP_CYCLE: { when: 'Dynamic groups name each other in a cycle.' },

  INVALID_NAME: { when: 'A first, last or full name holds digits or symbols, or no letter at all.' },
  INVALID_PHONE: { when: 'Not a valid phone number (for the country it was read in, when written without +).' },
  PHONE_NEEDS_COUNTRY: {
    when: 'A phone number written without + has no country to be read in: write it with + and the country code, or give a country, a calling code or a default country.',
  },
  INVALID_EMAIL: { when: 'Not a valid email address.' },
  INVALID_COUNTRY: {
    when: 'Not an ISO 3166-1 alpha-2 country code, or, where phone numbers are read in it, a country without a phone numbering plan.',
  },
  INVALID_CALLING_CODE: { when: 'Not a country calling code (digits such as 1, 44 or 91).' },
  INVALID_NUMBER: {
    when: 'A NUMBER field value is not a plain decimal number, is too large, or has too many digits to store exactly.',
    params: { field: 'the field label' },
  },
  INVALID_BOOLEAN: { when: 'A yes/no value is not TRUE/FALSE, yes/no, y/n or 1/0.', params: { field: 'the field label' } },
  INVALID_DATE: { when: 'A DATE field value is not a date written YYYY-MM-DD.', params: { field: 'the field label' } },
  INVALID_DATETIME: { when: 'A DATETIME field value is not an ISO 8601 date-time.', params: { field: 'the field label' } },
  NOT_AN_OPTION: {
    when: 'A SELECT or MULTI_SELECT value is not one of the field options.',
    params: { field: 'the field label', options: 'the options of the field' },
  },
  INVALID_OPTION: { when: 'An option of a MULTI_SELECT field holds "," or ";", which separate its values.' },
  INVALID_URL: { when: 'Not an absolute http:// or https:// URL (a URL field value, a webhook URL), or a webhook URL with a user name or password.' },
  HTTPS_REQUIRED: { when: 'A webhook URL uses plain http.' },
  PRIVATE_ADDRESS: {
    when: 'A webhook URL points at a loopback, private, link-local or other non-public address.',
    params: { host: 'the host of the URL' },
  },
  INVALID_SECRET: { when: 'A webhook secret is not "whsec_" and the base64 of 24 to 64 bytes.' },

  CHANNEL_MISMATCH: {
    when: 'An address is not reached on the channel given: an email address on SMS or WhatsApp, a phone number on email.',
    params: { channel: 'the channel given' },
  },
  OPTED_OUT: {
    when: 'An opt-in is refused because an opt-out covers the channel; only a reinstate with a reason lifts it.',
    params: { state: 'OPTED_OUT', channel: 'the opt-out covering the channel (ALL or the channel)' },
  },
  NOT_OPTED_OUT: {
    when: 'A reinstate found no opt-out of the address on the channel to lift.',
    params: { state: 'NOT_OPTED_OUT', channel: 'the channel given' },
  },

  PHONE_OR_EMAIL_REQUIRED: {
    when: "A contact needs at least one valid phone number or email address: a new contact, an import row that creates one, or deleting a contact's last detail.",
  },
  FIRST_NAME_REQUIRED: { when: 'The workspace requires a first name for new contacts (the API and import rows that create one).' },
  PHONE_COUNTRY_REQUIRED: {
    when: 'The workspace requires new contacts to have a phone number whose country is known (the API and import rows that create one).',
  },

  EMPTY_FILE: { when: 'An uploaded file, pasted text or sheet is empty, or holds a header row and no data rows.' },
  BLANK_HEADER: { when: 'A column of the file has a blank header.', params: { column: 'the column, numbered from 1' } },
  DUPLICATE_HEADER: {
    when: 'Two columns of the file have the same header (ignoring case).',
    params: { header: 'the header', columns: 'the two columns, numbered from 1' },
  },
  UNSUPPORTED_FILE: {
    when: 'The file is neither CSV nor an XLSX workbook: an image, a PDF or other binary data, UTF-16 text without a byte order mark, a ZIP archive without a workbook.',
  },
  MALFORMED_FILE: {
    when: 'The file cannot be read: CSV with a quote never closed or other broken syntax, a damaged workbook, a ZIP archive compressed like a ZIP bomb.',
  },
  SHEET_NOT_FOUND: {
    when: 'The workbook has no sheet of the name given.',
    params: { sheet: 'the name given', sheets: 'the sheets the workbook has' },
  },
  FILE_TOO_LARGE: {
    when: "An upload or pasted text is larger than the workspace's import size (or the server's upload limit), or a workbook unpacks or converts to more, or holds more shared strings than an import reads.",
    params: { limit: 'the limit (bytes, or shared strings or characters for those)', setBy: 'workspace or server, for an upload' },
  },
  LINE_TOO_LONG: {
    when: 'A line of an uploaded or pasted list, or a row of a file, is longer than allowed.',
    params: { limit: 'the most allowed', unit: 'characters or bytes', line: 'the line, numbered from 1, where told' },
  },
  TOO_MANY_ROWS: { when: "A file or sheet has more data rows than the workspace's row limit.", params: { limit: 'the limit' } },
  TOO_MANY_ITEMS: {
    when: 'A list of an input holds more entries than allowed: audience ids or addresses, contacts to merge, lines of an opt-out list, sync records, export columns, sort keys.',
    params: { limit: 'the most entries allowed', count: 'the entries given, where told' },
  },
  WEBHOOK_LIMIT_REACHED: { when: 'The workspace has as many webhooks as it may.', params: { limit: 'the limit' } },
  ACTIVE_IMPORT_LIMIT_REACHED: {
    when: 'The workspace has as many imports under way as the server allows: finish or cancel one first.',
    params: { limit: 'the limit', count: 'the imports under way' },
  },
  REQUEST_ENTITY_TOO_LARGE: { when: 'A request body is larger than allowed.', params: { limit: 'the most bytes allowed' } },

  MISSING_IDENTIFIER: { when: "An import row has no value in the identifier's column, so it matches no contact." },
  WRONG_CELL_COUNT: { when: 'An import row has more or fewer cells than the header: nothing else of it is read.' },
  CONTACT_EXISTS: {
    when: 'An import row is skipped: adding new contacts only, and a contact with its identifier exists.',
    params: { identifier: 'as a skip reason: PHONE, EMAIL or CONTACT_ID' },
  },
  NO_MATCHING_CONTACT: {
    when: 'An import row is skipped: updating existing contacts only, and no contact has its identifier.',
    params: { identifier: 'as a skip reason: PHONE, EMAIL or CONTACT_ID' },
  },
  AMBIGUOUS_MATCH: { when: 'An import row fails: two or more contacts have its identifier (merge them, or identify the contact another way).' },
  DUPLICATE_IN_FILE: {
    when: 'Rows of the file share an identifier: with REJECT_ALL each of them fails, with KEEP_FIRST or KEEP_LAST the others are skipped.',
    params: { identifier: 'as a skip reason: PHONE, EMAIL or CONTACT_ID' },
  },
  MERGED_IN_FILE: {
    when: 'An import row is skipped because MERGE folded it into the first row of the file with its identifier.',
    params: { identifier: 'as a skip reason: PHONE, EMAIL or CONTACT_ID' },
  },
  IMPORT_CANCELLED: { when: 'An import row was not written: the import was cancelled before its batch (the result file).' },
} as const satisfies Record<string, ErrorCodeInfo>;

/** The code of an expected failure. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Every code, in the order of the list above. */
export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as ErrorCode[];

/** One param: JSON. */
export type ErrorParamValue = string | number | boolean | null | readonly string[] | readonly number[];

/** The params of an error or issue: a JSON object. */
export type ErrorParams = Readonly<Record<string, ErrorParamValue>>;

type ParamNames<C extends ErrorCode> = (typeof ERROR_CODES)[C] extends { params: infer P } ? keyof P : never;

/** The params a code may carry: only those its entry documents, each optional (none for a code without params). */
export type ParamsOf<C extends ErrorCode> = [ParamNames<C>] extends [never]
  ? Readonly<Record<string, never>>
  : { readonly [K in ParamNames<C>]?: ErrorParamValue };

/** Whether a string is a code of this list (codes read back from storage). */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

/** A code's documentation: when it happens, then its params. */
export function describeErrorCode(code: ErrorCode): string {
  const info: ErrorCodeInfo = ERROR_CODES[code];
  const params = Object.entries(info.params ?? {});
  if (params.length === 0) return `${info.when} No params.`;
  return `${info.when} Params: ${params.map(([name, what]) => `\`${name}\` (${what})`).join(', ')}.`;
}
