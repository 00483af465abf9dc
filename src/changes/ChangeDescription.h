#pragma once

#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace trunkline::store {
class Database;
}

namespace trunkline::changes {

// One field of a change as the admin reviews it: the label of the form the field is edited in, and its
// value before the edit (the change's base values) and after it (its payload), both as the form shows
// them. An added field has no "before", a removed one no "after".
struct FieldChange {
    QString label;
    QString before;
    QString after;

    friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

// A pending change in the admin's words: which record it belongs to (the changes of one record are
// grouped under it), what it does in one line, field by field before → after, how many requests applying
// it takes and, for a buy, a release or a migration, what that means. The Pending changes page and
// `trunkline-cli pending show` both show this, so they say the same.
struct ChangeDescription {
    // What the change does to its record; an entry of a forwarding / call-flip list is added, removed or
    // moved (only its flip digit changes) like a row of the list.
    enum class Kind { Added, Changed, Removed, Moved };

    QString recordKey;   // groups the changes of one record ("extension/<id>", "phone_number/<id>")
    QString recordTitle; // "Extension 101 (Anna Schmidt)", "Number +16505550100"
    Kind kind = Kind::Changed;
    QString summary; // "Forwarding & flip list: added +4915123456789"
    QList<FieldChange> fields;
    std::optional<int> requests; // none when the profile's provider cannot apply it
    QStringList consequences;    // what a buy, release or migration means

    static QString kindText(Kind kind);
    // "Requests to apply: 3", or why there are none.
    QString requestsText() const;
    // The whole description as indented lines, for the CLI.
    QString text() const;
};

// Describes pending changes against the local store: record titles, the names of extensions and
// numbers a change refers to by id, and the consequences of a release are read from it.
class ChangeDescriber {
    Q_DECLARE_TR_FUNCTIONS(ChangeDescriber)

public:
    explicit ChangeDescriber(store::Database& database);

    ChangeDescription describe(const store::PendingChange& change) const;

    // A value of a payload member as the forms show it ("yes"/"no", "(empty)").
    static QString plainValue(const QJsonValue& value);
    // The label of a payload member of an `entity` (EntityKind) change, as the form that edits it shows
    // it: the one name of a field in the review, a conflict and the CLI. A settings document's members
    // go by their path inside it, with or without "settings."; a member no form shows by its path.
    static QString fieldLabel(const QString& entity, const QString& path);

private:
    void describeNumber(const store::PendingChange& change, const QString& provider,
                        ChangeDescription& description) const;
    void describeMigration(const store::PendingChange& change, ChangeDescription& description) const;
    void describeExtension(const store::PendingChange& change, ChangeDescription& description) const;
    void describeForwarding(const store::PendingChange& change, ChangeDescription& description) const;
    void describeSettings(const store::PendingChange& change, ChangeDescription& description) const;
    // "101 (Anna Schmidt)" for a stored extension, else its id.
    QString extensionText(qint64 profileId, const QString& extensionId) const;
    QString providerOf(qint64 profileId) const;

    store::Database& m_database;
    mutable QHash<qint64, QString> m_providers; // by profile id
};

} // namespace trunkline::changes
