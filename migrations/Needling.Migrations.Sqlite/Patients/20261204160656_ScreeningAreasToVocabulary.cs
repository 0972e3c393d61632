using Microsoft.EntityFrameworkCore.Migrations;
using Needling.Patients.Data;

#nullable disable

namespace Needling.Migrations.Sqlite.Patients
{
    /// <summary>
    /// Data only: free-text screening areas become body-area codes, or NULL with the old text kept in the notes
    /// (<see cref="FreeTextAreaMigration"/>). The model is unchanged.
    /// </summary>
    public partial class ScreeningAreasToVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FreeTextAreaMigration.Sql(postgres: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: a code is valid free text, and the text that could not be mapped is in the notes.
        }
    }
}
