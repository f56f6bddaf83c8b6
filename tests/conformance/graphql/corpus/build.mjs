// Writes the differential corpus (corpus/*.json) from the hand-written cases and small combinations below.
// Deterministic: running it again produces the same files. Usage: node corpus/build.mjs
import { writeFileSync } from 'node:fs';

const files = {};
function add(file, name, query, extra = {}) {
  (files[file] ??= []).push({ name, query, ...extra });
}

// --- Field selections and arguments -------------------------------------------------------------
const profileLeaves = ['id', 'name', 'emails', 'score', 'age', 'vip', 'channels', 'nickname', 'tags', 'legacyId', '__typename'];
for (const id of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P404']) {
  add('selections', `profile ${id} all leaves`, `{ profile(id: "${id}") { ${profileLeaves.join(' ')} } }`);
}
for (let i = 0; i < profileLeaves.length; i++) {
  const pair = [profileLeaves[i], profileLeaves[(i + 3) % profileLeaves.length]];
  add('selections', `profiles pair ${pair.join('+')}`, `{ profiles { ${pair.join(' ')} } }`);
}
for (const first of [0, 1, 2, 3, 6, 100]) {
  add('selections', `profiles first ${first}`, `{ profiles(first: ${first}) { id name } }`);
}
add('selections', 'profiles first null', '{ profiles(first: null) { id } }');
add('selections', 'profiles first negative fails', '{ profiles(first: -1) { id } }');
for (const channel of ['WEB', 'EMAIL', 'SOCIAL', 'ADS', 'SUPPORT', 'LOYALTY']) {
  add('selections', `profiles where channel ${channel}`, `{ profiles(where: {channel: ${channel}}) { id channels } }`);
  add('selections', `touchpoints of P1 on ${channel}`, `{ profile(id: "P1") { touchpoints(channel: ${channel}) { id kind stage } } }`);
}
for (const minScore of ['0', '0.5', '0.9', '1', '0.88']) {
  add('selections', `profiles minScore ${minScore}`, `{ profiles(where: {minScore: ${minScore}}) { id score } }`);
}
add('selections', 'profiles vip', '{ profiles(where: {vip: true}) { id vip } }');
add('selections', 'profiles not vip', '{ profiles(where: {vip: false}) { id } }');
add('selections', 'profiles name contains', '{ profiles(where: {nameContains: "ar"}) { name } }');
add('selections', 'profiles and filter', '{ profiles(where: {and: [{vip: true}, {minScore: 0.9}]}) { id } }');
add('selections', 'profiles nested and filter', '{ profiles(where: {and: [{and: [{channel: WEB}]}, {nameContains: "a"}]}) { id } }');
add('selections', 'profiles filter with nulls', '{ profiles(where: {channel: null, vip: null}) { id } }');
add('selections', 'nested friends', '{ profile(id: "P1") { name friends { name friends { name } } } }');
add('selections', 'missing friend is null', '{ profile(id: "P2") { friends { id } } }');
add('selections', 'touchpoint back to profile', '{ profile(id: "P3") { touchpoints(first: 2) { id profile { id name } } } }');
add('selections', 'touchpoints first 0', '{ profile(id: "P1") { touchpoints(first: 0) { id } } }');
add('selections', 'touchpoints negative first fails', '{ profile(id: "P1") { name touchpoints(first: -5) { id } } }');
add('selections', 'many root fields', '{ a: profile(id: "P1") { id } b: profile(id: "P2") { id } c: profiles(first: 1) { id } d: echo(text: "x") }');

// --- Aliases and merging --------------------------------------------------------------------------
add('aliases', 'aliases on leaves', '{ profile(id: "P1") { key: id fullName: name n: name } }');
add('aliases', 'same field twice merges', '{ profile(id: "P1") { name name id } }');
add('aliases', 'merged sub-selections', '{ profile(id: "P1") { friends { id } friends { name } } }');
add('aliases', 'alias order follows first appearance', '{ profile(id: "P1") { b: name a: id b: name } }');
add('aliases', 'fragments merge into first position', '{ profile(id: "P5") { age ...F name } } fragment F on Profile { name age id }');
add('aliases', 'conflicting aliases', '{ profile(id: "P1") { x: name x: id } }');
add('aliases', 'conflicting arguments', '{ profile(id: "P1") { touchpoints(first: 1) { id } touchpoints(first: 2) { id } } }');
add('aliases', 'conflicting nested', '{ profile(id: "P1") { friends { v: name } friends { v: id } } }');
add('aliases', 'conflicting types across fragments', '{ node(id: "P1") { ... on Profile { v: age } ... on Touchpoint { v: kind } } }');
add('aliases', 'differing list shape', '{ search(term: "a") { ... on Profile { x: emails } ... on Touchpoint { x: kind } } }');
add('aliases', 'object-typed arguments merge regardless of field order', '{ a: profiles(where: {vip: true, minScore: 0.1}) { id } a: profiles(where: {minScore: 0.1, vip: true}) { name } }');

// --- Fragments and abstract types -------------------------------------------------------------------
for (const id of ['P1', 'T1', 'T6', 'P404']) {
  add('fragments', `node ${id} with inline fragments`, `{ node(id: "${id}") { id __typename ... on Profile { name } ... on Touchpoint { kind channel } } }`);
  add('fragments', `node ${id} with named fragments`, `{ node(id: "${id}") { ...P ...T } } fragment P on Profile { name vip } fragment T on Touchpoint { kind stage profile { name } }`);
}
for (const term of ['a', 'purchase', 'Ada', 'zzz', 'e', 'VIEW']) {
  add('fragments', `search ${term}`, `{ search(term: "${term}") { __typename ... on Node { id } ... on Profile { name } ... on Touchpoint { kind } } }`);
}
add('fragments', 'nodes list', '{ nodes(ids: ["P1", "T2", "X", "P6"]) { id ... on Profile { name } } }');
add('fragments', 'nested fragments', '{ profile(id: "P1") { ...A } } fragment A on Profile { id ...B } fragment B on Profile { name ...C } fragment C on Node { id }');
add('fragments', 'inline fragment without type', '{ profile(id: "P2") { ... { name } ... @include(if: true) { age } } }');
add('fragments', 'fragment on interface from object', '{ profile(id: "P3") { ...N } } fragment N on Node { id __typename }');
add('fragments', 'fragment on union member', '{ search(term: "Grace") { ...R } } fragment R on SearchResult { __typename ... on Profile { emails } }');
add('fragments', 'fragment spread twice', '{ profile(id: "P1") { ...F ...F } } fragment F on Profile { name }');
add('fragments', 'unknown fragment', '{ profile(id: "P1") { ...Missing } }');
add('fragments', 'unused fragment', '{ profile(id: "P1") { id } } fragment Unused on Profile { name }');
add('fragments', 'fragment cycle', '{ profile(id: "P1") { ...A } } fragment A on Profile { ...B } fragment B on Profile { ...A }');
add('fragments', 'self spread', '{ profile(id: "P1") { ...A } } fragment A on Profile { friends { ...A } }');
add('fragments', 'impossible spread', '{ profile(id: "P1") { ... on Touchpoint { kind } } }');
add('fragments', 'impossible named spread', '{ profile(id: "P1") { ...T } } fragment T on Touchpoint { kind }');
add('fragments', 'fragment on scalar', '{ profile(id: "P1") { ...S } } fragment S on String { x }');
add('fragments', 'inline fragment on enum', '{ profile(id: "P1") { ... on Channel { x } } }');
add('fragments', 'fragment on unknown type', '{ profile(id: "P1") { ...U } } fragment U on Unknown { x }');
add('fragments', 'duplicate fragment names', '{ profile(id: "P1") { ...F } } fragment F on Profile { id } fragment F on Profile { name }');
add('fragments', 'union field without fragment', '{ search(term: "a") { name } }');

// --- Literals through echo ---------------------------------------------------------------------------
const literals = [
  ['text', '"plain"'], ['text', '"escapes \\n \\t \\" \\\\ \\/ \\u00e9 \\u{1F600} \\uD83D\\uDE00"'], ['text', '""'],
  ['text', '"""\n    block\n      indented\n    """'], ['text', '"""single line"""'], ['text', 'null'],
  ['number', '0'], ['number', '-0'], ['number', '42'], ['number', '-2147483648'], ['number', '2147483647'], ['number', 'null'],
  ['ratio', '1.5'], ['ratio', '1'], ['ratio', '-0.25'], ['ratio', '1e3'], ['ratio', '2.5E-3'], ['ratio', '0.1'],
  ['flag', 'true'], ['flag', 'false'], ['channel', 'WEB'], ['channel', 'LOYALTY'],
  ['ids', '["a", 1, "3"]'], ['ids', '[]'], ['ids', '"single"'], ['ids', '7'], ['ids', '[null, "x"]'], ['ids', 'null'],
];
for (const [argument, literal] of literals) {
  add('literals', `echo ${argument} ${literal}`, `{ echo(${argument}: ${literal}) }`);
}
add('literals', 'echo all arguments', '{ echo(ids: ["i"], channel: ADS, flag: true, ratio: 0.5, number: 7, text: "t") }');
add('literals', 'echo no arguments', '{ echo }');
const badLiterals = [
  ['text', '1'], ['text', 'true'], ['text', 'WEB'], ['text', '["a"]'], ['text', '{a: 1}'],
  ['number', '"1"'], ['number', '1.5'], ['number', '2147483648'], ['number', '-2147483649'], ['number', 'true'], ['number', '[1]'],
  ['ratio', '"1.5"'], ['ratio', 'true'], ['ratio', 'ONE'], ['flag', '1'], ['flag', '"true"'], ['flag', 'TRUE'],
  ['channel', '"WEB"'], ['channel', 'web'], ['channel', 'PHONE'], ['channel', '1'], ['ids', '[1.5]'], ['ids', '[true, "x"]'], ['ids', '{a: "b"}'],
];
for (const [argument, literal] of badLiterals) {
  add('literals', `bad echo ${argument} ${literal}`, `{ echo(${argument}: ${literal}) }`);
}

// --- Input objects and oneOf -------------------------------------------------------------------------
add('inputs', 'oneOf by id', '{ profileByKey(key: {id: "P4"}) { name } }');
add('inputs', 'oneOf by email', '{ profileByKey(key: {email: "grace@example.com"}) { name } }');
add('inputs', 'oneOf unknown email', '{ profileByKey(key: {email: "nobody@example.com"}) { name } }');
add('inputs', 'oneOf two keys', '{ profileByKey(key: {id: "P1", email: "x"}) { name } }');
add('inputs', 'oneOf null value', '{ profileByKey(key: {id: null}) { name } }');
add('inputs', 'oneOf empty', '{ profileByKey(key: {}) { name } }');
add('inputs', 'oneOf unknown field', '{ profileByKey(key: {phone: "1"}) { name } }');
add('inputs', 'oneOf nullable variable', 'query ($id: ID) { profileByKey(key: {id: $id}) { name } }', { variables: { id: 'P1' } });
add('inputs', 'oneOf non-null variable', 'query ($id: ID!) { profileByKey(key: {id: $id}) { name } }', { variables: { id: 'P1' } });
add('inputs', 'oneOf from variable', 'query ($key: ProfileKey!) { profileByKey(key: $key) { name } }', { variables: { key: { email: 'kj@example.com' } } });
add('inputs', 'filter unknown field', '{ profiles(where: {color: RED}) { id } }');
add('inputs', 'filter misspelled field', '{ profiles(where: {chanel: WEB}) { id } }');
add('inputs', 'filter wrong nested type', '{ profiles(where: {and: [{vip: "yes"}]}) { id } }');
add('inputs', 'filter null in non-null list item', '{ profiles(where: {and: [null]}) { id } }');
add('inputs', 'filter given a scalar', '{ profiles(where: "vip") { id } }');
add('inputs', 'duplicate input field', '{ profiles(where: {vip: true, vip: false}) { id } }');
add('inputs', 'missing required argument', '{ profile { id } }');
add('inputs', 'null for required argument', '{ profile(id: null) { id } }');
add('inputs', 'unknown argument', '{ profile(id: "P1", name: "x") { id } }');
add('inputs', 'misspelled argument', '{ profiles(frist: 1) { id } }');
add('inputs', 'duplicate argument', '{ profile(id: "P1", id: "P2") { id } }');
add('inputs', 'nodes requires non-null items', '{ nodes(ids: ["P1", null]) { id } }');

// --- Variables ---------------------------------------------------------------------------------------
const variableCases = [
  ['id variable', 'query ($id: ID!) { profile(id: $id) { name } }', { id: 'P2' }],
  ['id variable as number', 'query ($id: ID!) { profile(id: $id) { name } }', { id: 6 }],
  ['missing required variable', 'query ($id: ID!) { profile(id: $id) { name } }', {}],
  ['null required variable', 'query ($id: ID!) { profile(id: $id) { name } }', { id: null }],
  ['wrong variable type', 'query ($id: ID!) { profile(id: $id) { name } }', { id: true }],
  ['default variable', 'query ($first: Int = 2) { profiles(first: $first) { id } }', {}],
  ['overridden default', 'query ($first: Int = 2) { profiles(first: $first) { id } }', { first: 4 }],
  ['explicit null for default', 'query ($first: Int = 2) { profiles(first: $first) { id } }', { first: null }],
  ['float variable rejected for Int', 'query ($n: Int) { echo(number: $n) }', { n: 1.5 }],
  ['big int variable rejected', 'query ($n: Int) { echo(number: $n) }', { n: 3000000000 }],
  ['int variable accepted for Float', 'query ($r: Float) { echo(ratio: $r) }', { r: 3 }],
  ['string variable for enum', 'query ($c: Channel) { echo(channel: $c) }', { c: 'EMAIL' }],
  ['bad enum variable', 'query ($c: Channel) { echo(channel: $c) }', { c: 'FAX' }],
  ['list variable', 'query ($ids: [ID]) { echo(ids: $ids) }', { ids: ['a', 'b'] }],
  ['single value for list variable', 'query ($ids: [ID]) { echo(ids: $ids) }', { ids: 'solo' }],
  ['input object variable', 'query ($w: ProfileFilter) { profiles(where: $w) { id } }', { w: { vip: true, channel: 'SOCIAL' } }],
  ['input object variable unknown field', 'query ($w: ProfileFilter) { profiles(where: $w) { id } }', { w: { vipp: true } }],
  ['input object variable bad nested', 'query ($w: ProfileFilter) { profiles(where: $w) { id } }', { w: { and: [{ minScore: 'high' }] } }],
  ['variables inside input literal', 'query ($c: Channel, $v: Boolean) { profiles(where: {channel: $c, vip: $v}) { id } }', { c: 'WEB', v: false }],
  ['variable inside list literal', 'query ($a: ID, $b: ID) { echo(ids: [$a, "x", $b]) }', { a: '1', b: null }],
  ['unused variable', 'query ($unused: Int) { echo }', {}],
  ['undefined variable', 'query { profile(id: $id) { id } }', {}],
  ['undefined variable in fragment', 'query Q { ...F } fragment F on Query { profile(id: $nope) { id } }', {}],
  ['duplicate variable', 'query ($a: Int, $a: Int) { echo(number: $a) }', { a: 1 }],
  ['output type variable', 'query ($p: Profile) { echo }', {}],
  ['unknown variable type', 'query ($p: Prof) { echo }', {}],
  ['nullable variable in non-null position', 'query ($id: ID) { profile(id: $id) { id } }', { id: 'P1' }],
  ['list depth mismatch', 'query ($ids: [ID!]) { echo(text: $ids) }', { ids: ['x'] }],
  ['variable in default value', 'query ($a: Int = $b, $b: Int) { echo(number: $a) }', {}],
  ['variable default wrong type', 'query ($a: Int = "x") { echo(number: $a) }', {}],
  ['skip with variable', 'query ($s: Boolean!) { profile(id: "P1") { id name @skip(if: $s) } }', { s: true }],
  ['include with variable false', 'query ($i: Boolean!) { profile(id: "P1") { id name @include(if: $i) } }', { i: false }],
  ['nullable variable for skip', 'query ($s: Boolean) { profile(id: "P1") { name @skip(if: $s) } }', { s: true }],
];
for (const [name, query, variables] of variableCases) {
  add('variables', name, query, { variables });
}

// --- Directives ------------------------------------------------------------------------------------------
for (const [skip, include] of [[true, true], [true, false], [false, true], [false, false]]) {
  add('directives', `skip ${skip} include ${include}`, `{ profile(id: "P1") { id name @skip(if: ${skip}) @include(if: ${include}) } }`);
  add('directives', `fragment skip ${skip} include ${include}`, `{ profile(id: "P1") { id ...F @skip(if: ${skip}) ... @include(if: ${include}) { age } } } fragment F on Profile { name }`);
}
add('directives', 'skipped then included duplicate', '{ profile(id: "P1") { name @skip(if: true) name } }');
add('directives', 'unknown directive', '{ profile(id: "P1") { id @unknown } }');
add('directives', 'directive in wrong location', 'query @skip(if: true) { echo }');
add('directives', 'repeated non-repeatable directive', '{ echo @skip(if: false) @skip(if: false) }');
add('directives', 'skip missing argument', '{ echo @skip }');
add('directives', 'skip unknown argument', '{ echo @skip(if: true, unless: false) }');
add('directives', 'skip wrong argument type', '{ echo @skip(if: "yes") }');
add('directives', 'deprecated field still resolves', '{ profile(id: "P1") { legacyId } }');
add('directives', 'deprecated directive not allowed on field selection', '{ echo @deprecated }');

// --- Errors and null propagation ------------------------------------------------------------------------
add('errors', 'nullable field error', '{ profile(id: "P1") { name failing } }');
add('errors', 'non-null field error nulls the parent', '{ profile(id: "P1") { name failingNonNull } }');
add('errors', 'non-null error inside list item', '{ profiles(first: 2) { id failingNonNull } }');
add('errors', 'errors in several items', '{ profiles(first: 3) { id failing } }');
add('errors', 'error under nullable list item', '{ profile(id: "P1") { friends { name failingNonNull } } }');
add('errors', 'error deep under non-null chain', '{ profile(id: "P3") { touchpoints { profile { failingNonNull } } } }');
add('errors', 'aliased failing fields', '{ profile(id: "P2") { a: failing b: failing id } }');
add('errors', 'errors from two root fields', '{ a: profiles(first: -1) { id } b: profile(id: "P1") { failing } }');
add('errors', 'unknown field', '{ profile(id: "P1") { nam } }');
add('errors', 'unknown root field', '{ profil(id: "P1") { id } }');
add('errors', 'field on union', '{ search(term: "x") { id } }');
add('errors', 'leaf with selection', '{ profile(id: "P1") { name { first } } }');
add('errors', 'object without selection', '{ profile(id: "P1") }');
add('errors', 'list of objects without selection', '{ profiles }');
add('errors', 'many validation errors', '{ a b c profile { x y } echo(text: 1, number: "2") }');

// --- Operations ------------------------------------------------------------------------------------------
add('operations', 'named operation', 'query Profiles { profiles(first: 1) { id } }');
add('operations', 'pick the named operation', 'query A { echo(text: "a") } query B { echo(text: "b") }', { operationName: 'B' });
add('operations', 'operation name required when several', 'query A { echo(text: "a") } query B { echo(text: "b") }');
add('operations', 'unknown operation name', 'query A { echo(text: "a") }', { operationName: 'C' });
add('operations', 'duplicate operation names', 'query A { echo } query A { echo }');
add('operations', 'anonymous with another operation', '{ echo } query B { echo }');
add('operations', 'mutation rename', 'mutation { renameProfile(id: "P1", name: "Augusta Ada King") { id name vip } }');
add('operations', 'mutation tag', 'mutation Tag { tagProfile(id: "P3", tags: ["enigma", "computing"]) { name tags } }');
add('operations', 'mutation unknown profile', 'mutation { renameProfile(id: "P99", name: "x") { id } }');
add('operations', 'serial mutations with aliases', 'mutation { a: renameProfile(id: "P1", name: "A") { name } b: renameProfile(id: "P2", name: "B") { name } }');
add('operations', 'mutation field on query', '{ renameProfile(id: "P1", name: "x") { id } }');
add('operations', 'subscription not in schema', 'subscription { echo }');
add('operations', 'typename on root', '{ __typename }');
add('operations', 'typename on mutation root', 'mutation { __typename }');
add('operations', 'type definition in request', 'type Extra { a: Int } { echo }');
add('operations', 'schema definition in request', 'schema { query: Query } { echo }');
add('operations', 'operation descriptions', '"Finds a profile" query Find("the id" $id: ID!) { profile(id: $id) { name } }', { variables: { id: 'P5' } });

// --- Introspection -----------------------------------------------------------------------------------------
add('introspection', 'schema root types', '{ __schema { queryType { name } mutationType { name } subscriptionType { name } } }');
add('introspection', 'type names', '{ __schema { types { name kind } } }');
add('introspection', 'directives', '{ __schema { directives { name isRepeatable locations args { name defaultValue type { name kind ofType { name kind } } } } } }');
for (const name of ['Profile', 'Touchpoint', 'Node', 'SearchResult', 'Channel', 'ProfileFilter', 'ProfileKey', 'Query', 'Mutation', 'String', 'Missing']) {
  add('introspection', `type ${name}`, `{ __type(name: "${name}") { name kind description specifiedByURL isOneOf fields(includeDeprecated: true) { name isDeprecated deprecationReason args { name defaultValue } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } interfaces { name } possibleTypes { name } enumValues { name } inputFields { name defaultValue type { name kind } } } }`);
}
add('introspection', 'deprecated fields hidden by default', '{ __type(name: "Profile") { fields { name } } }');
add('introspection', 'typename everywhere', '{ __typename profile(id: "P1") { __typename touchpoints(first: 1) { __typename } } node(id: "T1") { __typename } }');
add('introspection', 'type without name argument', '{ __type { name } }');
add('introspection', 'schema on non-root is unknown', '{ profile(id: "P1") { __schema { queryType { name } } } }');
add('introspection', 'too deep introspection', '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
add('introspection', 'introspection through fragments', '{ __type(name: "Touchpoint") { ...T } } fragment T on __Type { name fields { name type { ...R } } } fragment R on __Type { kind name ofType { kind name } }');

// --- Syntax errors -----------------------------------------------------------------------------------------
const syntaxErrors = [
  '{', '}', '{ profile(id: "P1") { id }', 'query', 'query Q', '{ profile(id: ) { id } }', '{ profile(: "P1") { id } }',
  '{ echo(number: 01) }', '{ echo(number: 1.) }', '{ echo(number: .5) }', '{ echo(number: 0x10) }', '{ echo(number: 1e) }',
  '{ echo(number: 123abc) }', '{ echo(text: "unterminated) }', '{ echo(text: "bad \\q escape") }', '{ echo(text: "\\u{110000}") }',
  '{ echo(text: "\\uD800") }', "{ echo(text: 'single') }", '{ echo(text: """unterminated) }', '{ ...on }', 'fragment on on Profile { id }',
  'fragment F Profile { id }', '{ echo @ }', 'query ($a: Int = $b) { echo }', 'query ($: Int) { echo }', '{ echo(ids: [1, 2) }',
  '{ profiles(where: {vip true}) { id } }', 'mutation', 'subscriptio { echo }', '"description" { echo }', '{ echo } ?', '# only a comment',
  '{ echo(text: "a\u0001b") }', 'query Q { echo } }', '{ profile(id: "P1") { ... on { id } } }', 'extend', '{ a: b: c }', '{ echo(text: "ok") } #trailing\n{',
];
syntaxErrors.forEach((query, index) => add('syntax', `syntax error ${index + 1}`, query));
add('syntax', 'ignored tokens everywhere', '\ufeff\t{ , profile ( id : "P1" , ) , { id , name } } # end');
add('syntax', 'crlf and comments', '# leading\r\n{\r\n  profile(id: "P2") {\r\n    name # trailing\r\n  }\r\n}\r\n');
add('syntax', 'keywords as names', '{ query: echo(text: "query") fragment: echo(text: "fragment") on: echo(text: "on") true: echo null: echo }');

// --- Validation rules, one or more documents each (no execution needed) ----------------------------------------
const validation = [
  ['executable: scalar definition', 'scalar Extra { echo }'],
  ['executable: extension', '{ echo } extend type Query { extra: Int }'],
  ['executable: directive definition', 'directive @x on FIELD { echo }'],
  ['lone anonymous: two anonymous', '{ echo } { echo }'],
  ['unique operations: query and mutation share a name', 'query X { echo } mutation X { __typename }'],
  ['subscription: anonymous introspection', 'subscription { __typename }'],
  ['known types: misspelled in variable', 'query ($f: ProfileFiltr) { profiles(where: $f) { id } }'],
  ['known types: list of unknown', 'query ($f: [Unknwn!]) { echo }'],
  ['known types: inline fragment misspelled', '{ node(id: "P1") { ... on Profil { id } } }'],
  ['fragments on composite: input type', '{ echo ...F } fragment F on ProfileFilter { vip }'],
  ['variables are input types: union', 'query ($r: SearchResult) { echo }'],
  ['variables are input types: interface list', 'query ($n: [Node]!) { echo }'],
  ['scalar leafs: enum with selection', '{ profile(id: "P1") { channels { name } } }'],
  ['scalar leafs: interface without selection', '{ node(id: "P1") }'],
  ['scalar leafs: union without selection', '{ search(term: "a") }'],
  ['scalar leafs: typename with selection', '{ __typename { name } }'],
  ['fields on type: suggestions', '{ profile(id: "P1") { nme emial } }'],
  ['fields on type: interface suggests implementations', '{ node(id: "P1") { name } }'],
  ['fields on type: union suggests members', '{ search(term: "a") { kind } }'],
  ['fields on type: mutation on query type', '{ tagProfile(id: "P1", tags: []) { id } }'],
  ['fields on type: introspection on non-query', 'mutation { __schema { types { name } } }'],
  ['unique fragment names: three', '{ profile(id: "P1") { ...A } } fragment A on Profile { id } fragment A on Profile { id } fragment A on Node { id }'],
  ['known fragment names: in nested field', '{ profile(id: "P1") { friends { ...Nope } } }'],
  ['no unused fragments: only used by unused', '{ echo } fragment A on Profile { ...B } fragment B on Profile { id }'],
  ['possible spreads: interface to union', '{ node(id: "P1") { ... on SearchResult { __typename } } }'],
  ['possible spreads: union to object outside', '{ search(term: "a") { ... on Query { echo } } }'],
  ['possible spreads: object to interface not implemented', '{ profile(id: "P1") { touchpoints { ... on Profile { id } } } }'],
  ['no cycles: three-way', '{ profile(id: "P1") { ...A } } fragment A on Profile { ...B } fragment B on Profile { ...C } fragment C on Profile { ...A }'],
  ['no cycles: two cycles', '{ profile(id: "P1") { ...A ...X } } fragment A on Profile { ...B } fragment B on Profile { ...A } fragment X on Profile { ...Y } fragment Y on Profile { ...X }'],
  ['no cycles: through inline fragment', '{ profile(id: "P1") { ...A } } fragment A on Profile { ... on Profile { friends { ...A } } }'],
  ['unique variables: three same', 'query ($a: Int, $a: Int, $a: String) { echo(number: $a) }'],
  ['undefined variables: directive argument', '{ echo @include(if: $flag) }'],
  ['undefined variables: nested list', '{ echo(ids: [[$x]]) }'],
  ['undefined variables: two operations share a fragment', 'query A($id: ID!) { ...F } query B { ...F } fragment F on Query { profile(id: $id) { id } }'],
  ['unused variables: used only in another operation', 'query A($x: Int) { echo } query B($x: Int) { echo(number: $x) }'],
  ['unused variables: used only in unused fragment', 'query A($x: Int) { echo } fragment F on Query { echo(number: $x) }'],
  ['known directives: misspelled', '{ echo @includ(if: true) }'],
  ['known directives: on variable definition', 'query ($a: Int @skip(if: true)) { echo(number: $a) }'],
  ['known directives: oneOf on field', '{ echo @oneOf }'],
  ['known directives: specifiedBy on query', 'query @specifiedBy(url: "x") { echo }'],
  ['unique directives: include twice on fragment spread', '{ ...F @include(if: true) @include(if: false) } fragment F on Query { echo }'],
  ['known arguments: directive argument misspelled', '{ echo @include(iff: true) }'],
  ['known arguments: on introspection field', '{ __type(name: "Profile", kind: OBJECT) { name } }'],
  ['known arguments: on nested field', '{ profile(id: "P1") { name(style: FULL) } }'],
  ['unique arguments: directive', '{ echo @skip(if: true, if: false) }'],
  ['values: Int overflow in list', '{ echo(ids: [2147483648]) }'],
  ['values: float for ID', '{ profile(id: 1.5) { id } }'],
  ['values: boolean for ID', '{ profile(id: true) { id } }'],
  ['values: enum for Float', '{ echo(ratio: HALF) }'],
  ['values: nested object wrong type', '{ profiles(where: {and: [{channel: "WEB"}]}) { id } }'],
  ['values: object in list where scalar expected', '{ echo(ids: [{id: 1}]) }'],
  ['values: list for input object', '{ profiles(where: [{vip: true}]) { id } }'],
  ['values: variable default with unknown field', 'query ($w: ProfileFilter = {vipp: true}) { profiles(where: $w) { id } }'],
  ['values: variable default null for non-null', 'query ($id: ID! = null) { profile(id: $id) { id } }'],
  ['values: directive argument null', '{ echo @include(if: null) }'],
  ['values: introspection argument wrong type', '{ __type(name: 1) { name } }'],
  ['values: includeDeprecated wrong type', '{ __type(name: "Profile") { fields(includeDeprecated: "yes") { name } } }'],
  ['required arguments: nested', '{ profile(id: "P1") { friends { id } } search { __typename } }'],
  ['required arguments: oneOf key missing', '{ profileByKey { id } }'],
  ['allowed positions: Int into Float is not allowed for variables', 'query ($n: Int) { echo(ratio: $n) }'],
  ['allowed positions: non-null into nullable', 'query ($n: Int!) { echo(number: $n) }'],
  ['allowed positions: list into item', 'query ($ids: [ID]) { profile(id: $ids) { id } }'],
  ['allowed positions: item into list', 'query ($id: ID) { echo(ids: $id) }'],
  ['allowed positions: default makes non-null ok', 'query ($id: ID = "P1") { profile(id: $id) { name } }'],
  ['allowed positions: in input object field', 'query ($c: String) { profiles(where: {channel: $c}) { id } }'],
  ['allowed positions: nullable into non-null list item', 'query ($id: ID) { nodes(ids: [$id]) { id } }'],
  ['overlapping: alias shadows field', '{ profile(id: "P1") { name: id id: name } }'],
  ['overlapping: same alias different args on root', '{ p: profile(id: "P1") { id } p: profile(id: "P2") { id } }'],
  ['overlapping: variable vs literal argument', 'query ($id: ID!) { profile(id: $id) { id } profile(id: "P1") { id } }'],
  ['overlapping: different variables', 'query ($a: ID!, $b: ID!) { profile(id: $a) { id } profile(id: $b) { id } }'],
  ['overlapping: nullable vs non-null types', '{ node(id: "P1") { ... on Profile { x: nickname } ... on Touchpoint { x: kind } } }'],
  ['overlapping: list vs non-list through interfaces', '{ node(id: "P1") { ... on Node { id } ... on Profile { id: emails } } }'],
  ['overlapping: deep conflict', '{ profile(id: "P1") { friends { friends { n: name } } friends { friends { n: id } } } }'],
  ['overlapping: conflict between fragments', '{ profile(id: "P1") { ...A ...B } } fragment A on Profile { x: name } fragment B on Profile { x: id }'],
  ['overlapping: typename alias conflict', '{ __typename: echo }'],
  ['unique input fields: nested duplicate', '{ profiles(where: {and: [{vip: true, vip: true}]}) { id } }'],
  ['sdl in request: schema with unknown type', 'schema { query: Qu } { echo }'],
  ['sdl in request: scalar with unknown directive', 'scalar Foo @bar { echo }'],
  ['sdl in request: type with unknown types', 'type T implements X { a: B } { echo }'],
  ['sdl in request: extension', 'extend type Profile @x { y: Z } { echo }'],
  ['sdl in request: directive defined in the document', 'directive @d(a: Unknown, b: Int!) on FIELD { echo @d @d }'],
  ['sdl in request: wrong type-system location', 'directive @f on FIELD type T @f { a: Int @deprecated @deprecated } { echo }'],
  ['sdl in request: input field location', 'directive @a on ARGUMENT_DEFINITION input I { f: Int @a } { echo }'],
  ['many errors: field, argument, fragment, variable', 'query Q($unused: Int, $bad: Profile) { profile(id: 1.5, nope: 1) { nme ...Missing ... on Touchpoint { kind } } }'],
];
validation.forEach(([name, query]) => add('validation', name, query));

// --- More execution: response shapes, defaults, abstract types and introspection details ---------------------
const execution = [
  ['typename aliases in union', '{ search(term: "Ada") { t: __typename ... on Profile { kind: __typename } } }'],
  ['fragment typename on interface list', '{ nodes(ids: ["T4", "P2"]) { __typename ... on Touchpoint { profile { __typename name } } } }'],
  ['same object through two paths', '{ a: profile(id: "P1") { friends { id } } b: node(id: "P2") { ... on Profile { friends { id name } } } }'],
  ['deep friends of friends', '{ profile(id: "P6") { friends { friends { friends { id } } } } }'],
  ['touchpoints all channels', '{ profiles { id touchpoints(first: 1) { channel stage } } }'],
  ['nullable list with null items', '{ profile(id: "P4") { tags } }'],
  ['null list', '{ profile(id: "P3") { tags emails } }'],
  ['float and int leaves', '{ profiles { score age } }'],
  ['variable default inside input object', 'query ($vip: Boolean = true) { profiles(where: {vip: $vip}) { id } }', {}],
  ['missing nullable variable leaves the field out', 'query ($vip: Boolean) { profiles(where: {vip: $vip}) { id } }', {}],
  ['missing variable for defaulted argument uses the default', 'query ($first: Int) { profiles(first: $first) { id } }', {}],
  ['include with defaulted variable', 'query ($show: Boolean = false) { profile(id: "P1") { id name @include(if: $show) } }', {}],
  ['enum values of Channel', '{ __type(name: "Channel") { enumValues(includeDeprecated: true) { name isDeprecated } } }'],
  ['argument default values printed', '{ __type(name: "Query") { fields { name args { name defaultValue type { kind name ofType { name } } } } } }'],
  ['input fields with includeDeprecated', '{ __type(name: "ProfileFilter") { inputFields(includeDeprecated: true) { name isDeprecated } } }'],
  ['schema description', '{ __schema { description } }'],
  ['deprecated field listed with includeDeprecated', '{ __type(name: "Profile") { fields(includeDeprecated: true) { name deprecationReason } } }'],
  ['oneOf flag', '{ a: __type(name: "ProfileKey") { isOneOf } b: __type(name: "ProfileFilter") { isOneOf } }'],
  ['directive args', '{ __schema { directives { name args(includeDeprecated: true) { name type { kind ofType { name } } defaultValue } } } }'],
  ['possible types of interface and union', '{ a: __type(name: "Node") { possibleTypes { name } } b: __type(name: "SearchResult") { possibleTypes { name } } }'],
  ['mutation then query fields in order', 'mutation M { tagProfile(id: "P2", tags: []) { tags friends { name } } }'],
  ['echo with variables of every kind', 'query ($t: String, $n: Int, $r: Float, $f: Boolean, $c: Channel, $i: [ID]) { echo(text: $t, number: $n, ratio: $r, flag: $f, channel: $c, ids: $i) }', { t: 'x', n: -7, r: 2.5, f: false, c: 'ADS', i: ['1', '2'] }],
  ['echo with explicit null variables', 'query ($t: String, $i: [ID]) { echo(text: $t, ids: $i) }', { t: null, i: null }],
  ['ID variable from integer in list', 'query ($i: [ID]) { echo(ids: $i) }', { i: [1, 2, 3] }],
];
execution.forEach(([name, query, variables]) => add('execution', name, query, variables === undefined ? {} : { variables }));

for (const [file, cases] of Object.entries(files)) {
  writeFileSync(new URL(`./${file}.json`, import.meta.url), JSON.stringify(cases, null, 2) + '\n');
}
console.log(Object.entries(files).map(([file, cases]) => `${file}: ${cases.length}`).join(', '),
  `total ${Object.values(files).reduce((sum, cases) => sum + cases.length, 0)}`);
