using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConferenceApp.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SpeakerSelfService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PhotoUrl",
                table: "Speakers");

            migrationBuilder.AddColumn<string>(
                name: "GitHubUrl",
                table: "Speakers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedInUrl",
                table: "Speakers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LockedFields",
                table: "Speakers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MastodonUrl",
                table: "Speakers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhotoHash",
                table: "Speakers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "Speakers",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebsiteUrl",
                table: "Speakers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "XUrl",
                table: "Speakers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SpeakersMayEditTalks",
                table: "Conferences",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SpeakerInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpeakerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SampleNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakerInvitations_Conferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "Conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SpeakerInvitations_Speakers_SpeakerId",
                        column: x => x.SpeakerId,
                        principalTable: "Speakers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpeakerPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeakerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakerPhotos_Speakers_SpeakerId",
                        column: x => x.SpeakerId,
                        principalTable: "Speakers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_ConferenceId_UserId",
                table: "Speakers",
                columns: new[] { "ConferenceId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_UserId",
                table: "Speakers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerInvitations_ConferenceId",
                table: "SpeakerInvitations",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerInvitations_SpeakerId",
                table: "SpeakerInvitations",
                column: "SpeakerId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerInvitations_TokenHash",
                table: "SpeakerInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerPhotos_SpeakerId_Size",
                table: "SpeakerPhotos",
                columns: new[] { "SpeakerId", "Size" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Speakers_AspNetUsers_UserId",
                table: "Speakers",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Speakers_AspNetUsers_UserId",
                table: "Speakers");

            migrationBuilder.DropTable(
                name: "SpeakerInvitations");

            migrationBuilder.DropTable(
                name: "SpeakerPhotos");

            migrationBuilder.DropIndex(
                name: "IX_Speakers_ConferenceId_UserId",
                table: "Speakers");

            migrationBuilder.DropIndex(
                name: "IX_Speakers_UserId",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "GitHubUrl",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "LinkedInUrl",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "LockedFields",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "MastodonUrl",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "PhotoHash",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "WebsiteUrl",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "XUrl",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "SpeakersMayEditTalks",
                table: "Conferences");

            migrationBuilder.AddColumn<string>(
                name: "PhotoUrl",
                table: "Speakers",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }
    }
}
