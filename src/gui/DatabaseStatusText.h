#pragma once

#include <QCoreApplication>
#include <QString>

namespace trunkline::gui {

// The one-line description of the open database shown in the main window's status bar.
// Works from the path or URL the user gave, and keeps only what identifies the database
// (file path, or host and database name) so that a password in a URL never reaches the screen.
class DatabaseStatusText {
    Q_DECLARE_TR_FUNCTIONS(DatabaseStatusText)

public:
    // "Local database: /home/ana/.local/share/Trunkline/Trunkline/trunkline.sqlite" or
    // "PostgreSQL: db.example.org/phones".
    static QString describe(const QString& pathOrUrl);
};

} // namespace trunkline::gui
