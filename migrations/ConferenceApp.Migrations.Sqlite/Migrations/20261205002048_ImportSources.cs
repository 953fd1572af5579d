using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConferenceApp.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_ConferenceId",
                table: "Sessions");

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Talks",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Speakers",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Speakers",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Sessions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Rooms",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportUploads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportUploads_Conferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "Conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Talks_ConferenceId_SourceKey",
                table: "Talks",
                columns: new[] { "ConferenceId", "SourceKey" },
                unique: true,
                filter: "\"SourceKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_ConferenceId_Email",
                table: "Speakers",
                columns: new[] { "ConferenceId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_ConferenceId_SourceKey",
                table: "Speakers",
                columns: new[] { "ConferenceId", "SourceKey" },
                unique: true,
                filter: "\"SourceKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ConferenceId_SourceKey",
                table: "Sessions",
                columns: new[] { "ConferenceId", "SourceKey" },
                unique: true,
                filter: "\"SourceKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_ConferenceId_SourceKey",
                table: "Rooms",
                columns: new[] { "ConferenceId", "SourceKey" },
                unique: true,
                filter: "\"SourceKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ImportUploads_ConferenceId",
                table: "ImportUploads",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportUploads_Token",
                table: "ImportUploads",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportUploads_UploadedAtUtc",
                table: "ImportUploads",
                column: "UploadedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportUploads");

            migrationBuilder.DropIndex(
                name: "IX_Talks_ConferenceId_SourceKey",
                table: "Talks");

            migrationBuilder.DropIndex(
                name: "IX_Speakers_ConferenceId_Email",
                table: "Speakers");

            migrationBuilder.DropIndex(
                name: "IX_Speakers_ConferenceId_SourceKey",
                table: "Speakers");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_ConferenceId_SourceKey",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Rooms_ConferenceId_SourceKey",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Talks");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Rooms");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ConferenceId",
                table: "Sessions",
                column: "ConferenceId");
        }
    }
}
