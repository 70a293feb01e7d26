using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>{{#each}} in each of its forms, decided by where its two tags stand.</summary>
public class LoopTests
{
    private const string Units = """{"title": "T", "units": [{"name": "A", "score": 1}, {"name": "B", "score": 2}, {"name": "C", "score": 3}]}""";

    [Fact]
    public void Render_EachInOneTableRow_RepeatsTheRow()
    {
        var body = Table(["No", "Unit"], ["{{#each units}}{{@no}}", "{{name}}{{/each}}"]);

        var docx = Fill(body, Units);

        Assert.Equal("No | Unit\n1 | A\n2 | B\n3 | C", Text(docx));
    }

    [Fact]
    public void Render_EachAcrossTableRows_RepeatsThatBlockOfRows()
    {
        var body = Table(["Unit", "Skor"], ["{{#each units}}{{name}}", ""], ["skor", "{{score}}{{/each}}"], ["Jumlah", "6"]);

        var docx = Fill(body, Units);

        Assert.Equal("Unit | Skor\nA | \nskor | 1\nB | \nskor | 2\nC | \nskor | 3\nJumlah | 6", Text(docx));
    }

    [Fact]
    public void Render_EachTagsInRowsOfTheirOwn_RepeatTheRowsBetweenAndDropTheTagRows()
    {
        var body = Table(["Unit"], ["{{#each units}}"], ["{{name}}"], ["{{/each}}"]);

        var docx = Fill(body, Units);

        Assert.Equal("Unit\nA\nB\nC", Text(docx));
    }

    [Fact]
    public void Render_EachInOwnParagraphs_RepeatsTheParagraphsBetween()
    {
        var body = P("Daftar:") + P("{{#each units}}") + P("- ", "{{name}}") + P("  skor {{score}}") + P("{{/each}}") + P("Selesai");

        var docx = Fill(body, Units);

        Assert.Equal("Daftar:\n- A\n  skor 1\n- B\n  skor 2\n- C\n  skor 3\nSelesai", Text(docx));
    }

    [Fact]
    public void Render_EachOpenedAtTheEndOfAParagraphWithText_KeepsThatTextOutsideTheLoop()
    {
        var body = P("Daftar: {{#each units}}") + P("{{name}}") + P("{{/each}} Selesai");

        var docx = Fill(body, Units);

        Assert.Equal("Daftar: \nA\nB\nC\n Selesai", Text(docx));
    }

    [Fact]
    public void Render_EachInsideOneParagraph_RepeatsTheTextBetween()
    {
        var docx = Fill(P("Unit: {{#each units}}{{name}} ({{@no}}/{{@index}}){{/each}}."), Units);

        Assert.Equal("Unit: A (1/0)B (2/1)C (3/2).", Text(docx));
    }

    [Fact]
    public void Render_NestedLoops_ReachItemsThisAndOuterFields()
    {
        var body = P("{{#each groups}}{{name}}: {{#each items}}{{this}} ({{name}}/{{title}}/{{@no}}) {{/each}}{{/each}}");

        var docx = Fill(body, """{"title": "T", "groups": [{"name": "g1", "items": [1, 2]}, {"name": "g2", "items": [3]}]}""");

        Assert.Equal("g1: 1 (g1/T/1) 2 (g1/T/2) g2: 3 (g2/T/1) ", Text(docx));
    }

    [Fact]
    public void Render_ThisWithAField_ReadsTheItem()
    {
        var docx = Fill(P("{{#each units}}{{this.name}};{{/each}}"), Units);

        Assert.Equal("A;B;C;", Text(docx));
    }

    [Fact]
    public void Render_ParagraphLoopHoldingATableRowLoop_RepeatsATablePerItem()
    {
        var body = P("{{#each groups}}") + P("*{{name}}") + Table(["No", "Item"], ["{{#each items}}{{@no}}", "{{this}}{{/each}}"]) + P("{{/each}}");

        var docx = Fill(body, """{"groups": [{"name": "g1", "items": ["a", "b"]}, {"name": "g2", "items": ["c"]}]}""");

        Assert.Equal("g1\nNo | Item\n1 | a\n2 | b\ng2\nNo | Item\n1 | c", Text(docx));
        Assert.Equal(2, Xml(docx).Descendants(W + "tbl").Count());
    }

    [Fact]
    public void Render_RowBlockHoldingASingleRowLoop_NestsTheRows()
    {
        var body = Table(["Grup", "Item"], ["{{#each groups}}{{name}}", ""], ["{{#each items}}", "{{this}}{{/each}}"], ["akhir", "{{name}}{{/each}}"]);

        var docx = Fill(body, """{"groups": [{"name": "g1", "items": ["a", "b"]}, {"name": "g2", "items": ["c"]}]}""");

        Assert.Equal("Grup | Item\ng1 | \n | a\n | b\nakhir | g1\ng2 | \n | c\nakhir | g2", Text(docx));
    }

    [Fact]
    public void Render_NestedParagraphLoopsClosedInOneParagraph_CloseInOrder()
    {
        var body = P("{{#each groups}}") + P("{{name}}") + P("{{#each items}}") + P("- {{this}}") + P("{{/each}}{{/each}}") + P("selesai");

        var docx = Fill(body, """{"groups": [{"name": "g1", "items": ["a", "b"]}, {"name": "g2", "items": []}]}""");

        Assert.Equal("g1\n- a\n- b\ng2\nselesai", Text(docx));
    }

    [Theory]
    [InlineData("row")]
    [InlineData("paragraphs")]
    [InlineData("inline")]
    public void Render_EachOverAnEmptyList_LeavesNothingOfTheBlock(string form)
    {
        var (body, expected) = form switch
        {
            "row" => (Table(["No", "Unit"], ["{{#each units}}{{@no}}", "{{name}}{{/each}}"]), "No | Unit"),
            "paragraphs" => (P("a") + P("{{#each units}}") + P("{{name}}") + P("{{/each}}") + P("b"), "a\nb"),
            _ => (P("a{{#each units}}{{name}}{{/each}}b"), "ab"),
        };

        Assert.Equal(expected, Text(Fill(body, """{"units": []}""")));
    }

    [Fact]
    public void Render_ParagraphLoopInACellOverAnEmptyList_LeavesTheCellAParagraph()
    {
        var body = Table(["Unit", "Catatan"], ["{{unit}}", P("{{#each notes}}") + P("{{this}}") + P("{{/each}}")]);

        var docx = Fill(body, """{"unit": "A", "notes": []}""");

        Assert.Equal("Unit | Catatan\nA | ", Text(docx));
        var cell = Xml(docx).Descendants(W + "tc").Last();
        Assert.Single(cell.Elements(W + "p"));
    }

    [Fact]
    public void Render_ParagraphLoopInACell_RepeatsParagraphsInTheCell()
    {
        var body = Table(["Unit", "Catatan"], ["{{unit}}", P("{{#each notes}}") + P("{{this}}") + P("{{/each}}")]);

        var docx = Fill(body, """{"unit": "A", "notes": ["n1", "n2"]}""");

        Assert.Equal("Unit | Catatan\nA | n1 / n2", Text(docx));
    }

    [Fact]
    public void Render_TableWhoseOnlyRowIsALoopOverAnEmptyList_IsDropped()
    {
        var body = P("sebelum") + Table(["{{#each units}}{{name}}", "{{/each}}"]) + P("sesudah");

        var docx = Fill(body, """{"units": []}""");

        Assert.Empty(Xml(docx).Descendants(W + "tbl"));
        Assert.Equal("sebelum\nsesudah", Text(docx));
    }

    [Fact]
    public void Render_LastParagraphOfACellInALoopOverAnEmptyList_LeavesACellEndingInAParagraph()
    {
        var body = Table([P("{{unit}}") + Table(["x"]) + P("{{#each notes}}") + P("{{this}}") + P("{{/each}}")]);

        var docx = Fill(body, """{"unit": "A", "notes": []}""");

        var cell = Xml(docx).Root!.Descendants(W + "tc").First();
        Assert.Equal(W + "p", cell.Elements().Last().Name);
    }

    [Fact]
    public void Render_BookmarkInsideALoop_IsKeptOnceSoNamesAndIdsStayUnique()
    {
        var body = P("{{#each units}}") + P(Bookmark(7, "unit", "{{name}}")) + P("{{/each}}");

        var docx = Fill(body, Units);

        var xml = Xml(docx);
        Assert.Equal("A\nB\nC", Text(docx));
        var start = Assert.Single(xml.Descendants(W + "bookmarkStart"));
        var end = Assert.Single(xml.Descendants(W + "bookmarkEnd"));
        Assert.Equal(((string?)start.Attribute(W + "id"), "unit"), ((string?)end.Attribute(W + "id"), (string?)start.Attribute(W + "name")));
    }

    [Fact]
    public void Render_BookmarkSpanningALoop_KeepsItsStartAndEnd()
    {
        var body = P("<w:bookmarkStart w:id=\"3\" w:name=\"daftar\"/>", "{{#each units}}") + P("{{name}}") + P("{{/each}}", "<w:bookmarkEnd w:id=\"3\"/>") + P("akhir");

        var docx = Fill(body, Units);

        var xml = Xml(docx);
        Assert.Equal("A\nB\nC\nakhir", Text(docx));
        Assert.Single(xml.Descendants(W + "bookmarkStart"));
        Assert.Single(xml.Descendants(W + "bookmarkEnd"));
        Assert.True(xml.Descendants().First(e => e.Name == W + "bookmarkStart" || e.Name == W + "t").Name == W + "bookmarkStart");
    }

    [Fact]
    public void Render_SectionBreakOnTheClosingParagraph_IsNotRepeated()
    {
        var sectPr = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
        var body = P("{{#each units}}") + P("{{name}}") + $"<w:p><w:pPr>{sectPr}</w:pPr>{Run("{{/each}}")}</w:p>" + P("bagian dua");

        var docx = Fill(body, Units);

        Assert.Equal(2, Xml(docx).Descendants(W + "sectPr").Count());
        Assert.StartsWith("A\nB\nC\n", Text(docx), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ParagraphIdsInALoop_AreNotCopied()
    {
        var body = P("{{#each units}}") + "<w:p w14:paraId=\"1A2B3C4D\" w14:textId=\"77777777\">" + Run("{{name}}") + "</w:p>" + P("{{/each}}");

        var docx = Fill(body, Units);

        Assert.DoesNotContain(Xml(docx).Descendants(), e => e.Attributes().Any(a => a.Name.LocalName == "paraId"));
    }

    [Fact]
    public void Render_ListMissingOrNotAList_IsAnErrorWithItsPlace()
    {
        var template = DocxTemplate.Load(Create(P("a") + P("{{#each units}}{{name}}{{/each}}")));

        var missing = Assert.Throws<TemplateException>(() => template.Render(System.Text.Json.Nodes.JsonNode.Parse("{}"), Indonesian));
        var notList = Assert.Throws<TemplateException>(() => template.Render(System.Text.Json.Nodes.JsonNode.Parse("""{"units": "A"}"""), Indonesian));

        Assert.Equal(("paragraph 2", "{{#each units}}", "no list 'units' in the data"), (missing.Issues[0].Location, missing.Issues[0].Snippet, missing.Issues[0].Message));
        Assert.Contains("is not a list", Assert.Single(notList.Issues).Message, StringComparison.Ordinal);
    }
}
