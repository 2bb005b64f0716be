namespace Nop.Plugin.Misc.Personalization.Engine.Segments;

/// <summary>
/// Splits a rule into tokens: identifiers (letters, digits, _), numbers, quoted names ("Wool"; a quote inside is
/// doubled), comparison operators and punctuation.
/// </summary>
internal static class RuleLexer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    i++;
                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == '.')) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                    i++;
                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
            }
            else if (c == '"')
            {
                var name = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new SegmentRuleException(new SegmentRuleError(start + 1, "a closing '\"' for the name that starts here", "end of rule"));
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        name.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                        name.Append(text[i++]);
                }
                tokens.Add(new Token(TokenKind.Text, name.ToString(), start));
            }
            else if (c is '<' or '>' or '=' or '!')
            {
                i++;
                if (i < text.Length && (text[i] == '=' || (c == '<' && text[i] == '>')))
                    i++;
                var op = text[start..i];
                if (op == "!")
                    throw new SegmentRuleException(new SegmentRuleError(start + 1, "'!=' (or 'not' to negate)", "'!'"));
                tokens.Add(new Token(TokenKind.Operator, op, start));
            }
            else
            {
                var kind = c switch
                {
                    '(' => TokenKind.OpenParen,
                    ')' => TokenKind.CloseParen,
                    '[' => TokenKind.OpenBracket,
                    ']' => TokenKind.CloseBracket,
                    ',' => TokenKind.Comma,
                    '.' => TokenKind.Dot,
                    _ => throw new SegmentRuleException(new SegmentRuleError(start + 1, "a field, number, operator or parenthesis", $"'{c}'"))
                };
                i++;
                tokens.Add(new Token(kind, c.ToString(), start));
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }
}
