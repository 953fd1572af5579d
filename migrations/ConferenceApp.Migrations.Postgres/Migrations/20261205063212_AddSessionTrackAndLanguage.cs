using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConferenceApp.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddSessionTrackAndLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Sessions",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Track",
                table: "Sessions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Track",
                table: "Sessions");
        }
    }
}
