namespace Nop.Plugin.Misc.Personalization.Engine.Segments;

internal enum TokenKind
{
    Identifier,
    Number,
    Text,
    Operator,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Dot,
    End
}

/// <param name="Position">0-based index of the token's first character.</param>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword)
    {
        return Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
    }

    public string Describe()
    {
        return Kind switch
        {
            TokenKind.End => "end of rule",
            TokenKind.Text => $"\"{Text}\"",
            _ => $"'{Text}'"
        };
    }
}
