#!/usr/bin/env bash
# The whole CSV import flow with curl, against a running server:
#   SWITCHBOARD_KEY=sb_... examples/import-csv.sh contacts.csv
# Upload → suggested mapping → validation → review → confirm → live progress (SSE) → result file.
set -euo pipefail

API="${SWITCHBOARD_URL:-http://127.0.0.1:4000}"
KEY="${SWITCHBOARD_KEY:?set SWITCHBOARD_KEY to an API key (WRITE or ADMIN)}"
FILE="${1:?usage: $0 file.csv}"
AUTH=(-H "Authorization: Bearer $KEY")

# Reads one value out of a JSON document on stdin, e.g. `json data.startContactImport.id`.
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v?.[k];console.log(typeof v==="object"?JSON.stringify(v):v)})' "$1"; }
gql() { curl -sS "${AUTH[@]}" -H 'Content-Type: application/json' "$API/graphql" -d "$1"; }

echo "1. Upload (GraphQL multipart request)"
started=$(curl -sS "${AUTH[@]}" "$API/graphql" \
  -F operations='{"query":"mutation($input: StartContactImportInput!) { startContactImport(input: $input) { __typename ... on ImportJob { id encoding delimiter totalRows columns { index header suggestedFieldKey confidence } } ... on Error { message } } }","variables":{"input":{"file":null}}}' \
  -F map='{"0":["variables.input.file"]}' \
  -F 0=@"$FILE")
if [[ $(json data.startContactImport.__typename <<<"$started") != ImportJob ]]; then
  echo "refused: $(json data.startContactImport.message <<<"$started")"; exit 1
fi
job=$(json data.startContactImport.id <<<"$started")
echo "   job $job: $(json data.startContactImport.totalRows <<<"$started") rows, encoding $(json data.startContactImport.encoding <<<"$started")"
echo "   suggestions: $(json data.startContactImport.columns <<<"$started")"

echo "2. Map every column to its suggested field (unmatched columns are ignored) and validate"
columns=$(json data.startContactImport.columns <<<"$started" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(JSON.parse(s).map(c=>c.suggestedFieldKey?{index:c.index,fieldKey:c.suggestedFieldKey}:{index:c.index,ignore:true}))))')
identifier=$(grep -q '"phone"' <<<"$columns" && echo PHONE || echo EMAIL)
mapped=$(gql "{\"query\":\"mutation(\$input: SetContactImportMappingInput!) { setContactImportMapping(input: \$input) { __typename ... on Error { message } } }\",\"variables\":{\"input\":{\"jobId\":\"$job\",\"columns\":$columns,\"purpose\":\"ADD_AND_UPDATE\",\"identifier\":\"$identifier\",\"defaultCountry\":\"${DEFAULT_COUNTRY:-US}\"}}}")
[[ $(json data.setContactImportMapping.__typename <<<"$mapped") == ImportJob ]] || { echo "mapping refused: $mapped"; exit 1; }

echo "3. Review"
until [[ $(gql "{\"query\":\"{ importJob(id: \\\"$job\\\") { ... on ImportJob { status } } }\"}" | json data.importJob.status) == REVIEW ]]; do sleep 0.5; done
review=$(gql "{\"query\":\"{ importJob(id: \\\"$job\\\") { ... on ImportJob { counts { toCreate toUpdate toSkip errors } skipReasons { reason count } errorFileUrl } } }\"}")
echo "   $(json data.importJob.counts <<<"$review")  skipped because: $(json data.importJob.skipReasons <<<"$review")"
errors=$(json data.importJob.errorFileUrl <<<"$review")
[[ $errors != undefined && $errors != null ]] && echo "   error file: $errors" && curl -sS "${AUTH[@]}" "$errors" | head -5

echo "4. Confirm, and follow the progress over SSE until the job ends"
gql "{\"query\":\"mutation { confirmContactImport(jobId: \\\"$job\\\") { ... on ImportJob { status } ... on Error { message } } }\"}" >/dev/null
curl -sSN "${AUTH[@]}" -H 'Accept: text/event-stream' -H 'Content-Type: application/json' "$API/graphql" \
  -d "{\"query\":\"subscription { contactImportProgress(jobId: \\\"$job\\\") { status progress { processedRows totalRows rowsPerSecond etaSeconds } counts { created updated skipped failed } } }\"}" |
  while IFS= read -r line; do
    if [[ $line == data:\ ?* ]]; then echo "   ${line#data: }"; fi
  done

echo "5. Result file (every row with Import Status and Errors)"
result=$(gql "{\"query\":\"{ importJob(id: \\\"$job\\\") { ... on ImportJob { resultFileUrl } } }\"}" | json data.importJob.resultFileUrl)
curl -sS "${AUTH[@]}" "$result" | head -5
