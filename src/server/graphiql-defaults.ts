import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * What GraphiQL (served at /graphql to a browser) opens with on a first visit: a Headers editor
 * holding the Authorization header to fill in, and tabs with example operations: browsing contacts,
 * the import flow step by step, and its progress subscription. Each tab has its own headers, so each
 * starts with the placeholder. Subscriptions run over server-sent events (graphql-sse's distinct
 * connections mode), which carry the tab's headers as any request does.
 */

/** The Headers editor's placeholder: a person replaces it with their key. */
export const GRAPHIQL_HEADERS = JSON.stringify({ Authorization: 'Bearer <your API key>' }, null, 2);

const CONTACTS_TAB = `# Put your API key into the Headers tab below, in place of <your API key>,
# then re-fetch the schema (the ⟳ button on the left, or Shift+Ctrl+R) for the docs and completion.
query Contacts {
  contacts(first: 10) {
    totalCount
    edges { node { id name details { kind value status } } }
  }
}
`;

const IMPORT_TAB = `# An import, step by step: run the operations in order with the ▶ button (it asks which one).
# Put your API key (WRITE or ADMIN) into the Headers tab below, then set "jobId" in Variables to the
# id that StartImportFromText returns. Follow the job live in the ImportProgress tab.
mutation StartImportFromText {
  startContactImport(input: { fileName: "pasted.csv", text: "First Name,Last Name,Phone\\nAda,Lovelace,+12025550143\\nAlan,Turing,+12025550178" }) {
    __typename
    ... on ImportJob { id status totalRows columns { index header samples suggestedFieldKey confidence } }
    ... on Error { message }
  }
}

# Map each column to a field (its suggestedFieldKey here) and validate the rows.
mutation MapColumns($jobId: ID!) {
  setContactImportMapping(input: {
    jobId: $jobId
    columns: [{ index: 0, fieldKey: "firstName" }, { index: 1, fieldKey: "lastName" }, { index: 2, fieldKey: "phone" }]
    purpose: ADD_AND_UPDATE
    identifier: PHONE
    defaultCountry: "US"
  }) {
    __typename
    ... on ImportJob { id status }
    ... on Error { message }
  }
}

# Once the status is REVIEW: what the import would do.
query Review($jobId: ID!) {
  importJob(id: $jobId) {
    __typename
    ... on ImportJob {
      status
      counts { toCreate toUpdate toSkip errors }
      skipReasons { reason count }
      preview(first: 10) { rowNumber action values message }
      errorFileUrl
    }
    ... on Error { message }
  }
}

mutation Confirm($jobId: ID!) {
  confirmContactImport(jobId: $jobId) {
    __typename
    ... on ImportJob { id status }
    ... on Error { message }
  }
}

# Once the status is COMPLETED: undo the import.
mutation Revert($jobId: ID!) {
  revertContactImport(jobId: $jobId) {
    __typename
    ... on ImportJob { id status }
    ... on Error { message }
  }
}
`;

const PROGRESS_TAB = `# The progress of an import, live: run it, then confirm the job in the other tab.
# Put your API key into the Headers tab below and the job's id into Variables.
subscription ImportProgress($jobId: ID!) {
  contactImportProgress(jobId: $jobId) {
    status
    progress { phase processedRows totalRows rowsPerSecond etaSeconds }
    counts { toCreate toUpdate created updated skipped failed }
    resultFileUrl
  }
}
`;

const JOB_VARIABLES = JSON.stringify({ jobId: '<the id StartImportFromText returned>' }, null, 2);

export const GRAPHIQL_TABS = [
  { query: CONTACTS_TAB, headers: GRAPHIQL_HEADERS },
  { query: IMPORT_TAB, variables: JOB_VARIABLES, headers: GRAPHIQL_HEADERS },
  { query: PROGRESS_TAB, variables: JOB_VARIABLES, headers: GRAPHIQL_HEADERS },
];

export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: 'Switchboard',
  defaultQuery: CONTACTS_TAB,
  headers: GRAPHIQL_HEADERS,
  // A tab opened with + starts with the placeholder too.
  defaultHeaders: GRAPHIQL_HEADERS,
  defaultTabs: GRAPHIQL_TABS,
  subscriptionsProtocol: 'SSE',
};
