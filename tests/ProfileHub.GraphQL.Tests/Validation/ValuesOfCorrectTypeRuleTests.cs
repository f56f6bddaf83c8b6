using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class ValuesOfCorrectTypeRuleTests
{
    [Fact]
    public void Literals_of_the_expected_types_are_fine()
    {
        ExpectValid(c => new ValuesOfCorrectTypeRule(c), """
            query Q($v: Int = 3, $l: [String] = ["a", null], $o: ComplexInput = {requiredField: true}) {
              complicatedArgs {
                intArgField(intArg: -2147483648)
                floatArgField(floatArg: 1)
                idArgField(idArg: 1)
                stringListArgField(stringListArg: "single value is coerced to a list")
                enumArgField(enumArg: NO_FUR)
                complexArgField(complexArg: {requiredField: true, intField: $v, stringListField: ["x"]})
                oneOfArgField(oneOfArg: {stringField: "x"})
                nonNull: nonNullIntArgField(nonNullIntArg: $v)
              }
            }
            """);
    }

    [Fact]
    public void Built_in_scalar_messages_are_reported_as_graphql_js_does()
    {
        const string query = "{ complicatedArgs { intArgField(intArg: \"3\") a: intArgField(intArg: 3000000000) stringArgField(stringArg: 1) booleanArgField(booleanArg: 0) idArgField(idArg: 1.5) } }";

        ExpectErrors(c => new ValuesOfCorrectTypeRule(c), query,
            $"Int cannot represent non-integer value: \"3\" ({At(query, "\"3\"")})",
            $"Int cannot represent non 32-bit signed integer value: 3000000000 ({At(query, "3000000000")})",
            $"String cannot represent a non string value: 1 ({At(query, "1)")})",
            $"Boolean cannot represent a non boolean value: 0 ({At(query, "0) idArgField")})",
            $"ID cannot represent a non-string and non-integer value: 1.5 ({At(query, "1.5")})");
    }

    [Fact]
    public void Enum_values_must_be_names_of_the_enum_with_suggestions()
    {
        const string query = "{ complicatedArgs { enumArgField(enumArg: \"BROWN\") a: enumArgField(enumArg: brown) b: enumArgField(enumArg: PURPLE) } }";

        ExpectErrors(c => new ValuesOfCorrectTypeRule(c), query,
            $"Enum \"FurColor\" cannot represent non-enum value: \"BROWN\". Did you mean the enum value \"BROWN\"? ({At(query, "\"BROWN\"")})",
            $"Value \"brown\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"? ({At(query, "brown")})",
            $"Value \"PURPLE\" does not exist in \"FurColor\" enum. ({At(query, "PURPLE")})");
    }

    [Fact]
    public void Null_in_non_null_positions_and_lists_where_none_are_expected_are_rejected()
    {
        const string query = "{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) intArgField(intArg: [1, 2]) stringListNonNullArgField(stringListNonNullArg: [\"a\", null]) } }";

        ExpectErrors(c => new ValuesOfCorrectTypeRule(c), query,
            $"Expected value of non-null type \"Int!\" not to be null. ({At(query, "null")})",
            $"Int cannot represent non-integer value: [1, 2] ({At(query, "[1, 2]")})",
            $"Expected value of non-null type \"String!\" not to be null. ({At(query, "null", 2)})");
    }

    [Fact]
    public void Input_objects_report_nested_values_then_missing_then_unknown_fields()
    {
        const string query = "{ complicatedArgs { complexArgField(complexArg: {intField: 4, unknownField: 1, stringListFeld: [\"a\"], booleanField: \"no\"}) } }";
        const string printed = "{ intField: 4, unknownField: 1, stringListFeld: [\"a\"], booleanField: \"no\" }";

        ExpectErrors(c => new ValuesOfCorrectTypeRule(c), query,
            $"Expected value of type \"ComplexInput\" to include required field \"requiredField\", found: {printed}. ({At(query, "{intField")})",
            $"Boolean cannot represent a non boolean value: \"no\" ({At(query, "\"no\"")})",
            $"Expected value of type \"ComplexInput\" not to include unknown field \"unknownField\", found: {printed}. ({At(query, "unknownField")})",
            $"Expected value of type \"ComplexInput\" not to include unknown field \"stringListFeld\". Did you mean \"stringListField\" or \"stringField\"? Found: {printed}. ({At(query, "stringListFeld")})");
    }

    [Fact]
    public void A_scalar_where_an_object_is_expected_and_the_reverse_are_rejected()
    {
        const string query = "{ complicatedArgs { stringArgField(stringArg: {a: 1}) complexArgField(complexArg: \"x\") } }";

        ExpectErrors(c => new ValuesOfCorrectTypeRule(c), query,
            $"String cannot represent a non string value: {{ a: 1 }} ({At(query, "{a: 1}")})",
            $"Expected value of type \"ComplexInput\" to be an object, found: \"x\". ({At(query, "\"x\"")})");
    }

    [Fact]
    public void One_of_input_objects_need_exactly_one_non_null_field()
    {
        const string query = "{ complicatedArgs { a: oneOfArgField(oneOfArg: {stringField: \"x\", intField: 1}) b: oneOfArgField(oneOfArg: {stringField: null}) d: oneOfArgField(oneOfArg: {}) } }";
        const string message = "Within OneOf Input Object type \"OneOfInput\", exactly one field must be specified, and the value for that field must be non-null.";

        ExpectErrors(c => new ValuesOfCorrectTypeRule(c), query,
            $"{message} ({At(query, "{stringField: \"x\"")})",
            $"{message} ({At(query, "{stringField: null")})",
            $"{message} ({At(query, "{}")})");
    }

    [Fact]
    public void Default_values_of_variables_are_checked_against_the_variable_type()
    {
        const string query = "query Q($a: Int = \"one\", $b: ComplexInput = {intField: 1}) { dog { name } }";

        ExpectErrors(c => new ValuesOfCorrectTypeRule(c), query,
            $"Int cannot represent non-integer value: \"one\" ({At(query, "\"one\"")})",
            $"Expected value of type \"ComplexInput\" to include required field \"requiredField\", found: {{ intField: 1 }}. ({At(query, "{intField")})");
    }

    [Fact]
    public void Variables_nested_in_a_leaf_literal_read_as_null_in_the_message()
    {
        const string query = "query Q($x: String) { complicatedArgs { stringListArgField(stringListArg: [[$x]]) } }";

        ExpectErrors(c => new ValuesOfCorrectTypeRule(c), query,
            $"String cannot represent a non string value: [null] ({At(query, "[$x]")})");
    }

    [Fact]
    public void The_last_of_repeated_input_fields_is_the_one_checked()
    {
        ExpectValid(c => new ValuesOfCorrectTypeRule(c),
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: \"no\", requiredField: true}) } }");
    }
}
