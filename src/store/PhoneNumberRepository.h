#pragma once

#include "core/PhoneNumberRecord.h"
#include "store/RecordAccess.h"
#include "store/TextRows.h"

#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <optional>

namespace trunkline::store {

// What the numbers page filters by; unset members do not filter.
struct PhoneNumberFilter {
    QString digitsContain; // digits anywhere in the number ("+49 (30) 12" -> "493012")
    QString e164Prefix;    // start of the number, '+' and punctuation ignored
    std::optional<core::UsageType> usageType;
    QString provider;                   // core::kProvider*
    std::optional<QString> extensionId; // an empty string selects company-level numbers
};

// The RecordAccess operations are the repository's: upsert, removeAllExcept, remove, find, state,
// versionOf.
class PhoneNumberRepository : private RecordAccess<core::PhoneNumberRecord> {
public:
    explicit PhoneNumberRepository(Database& database);

    using RecordAccess::find, RecordAccess::forEach, RecordAccess::remove, RecordAccess::removeAllExcept,
        RecordAccess::state;
    // The version leaves Restcomm's application names out: only its list sends them (a single read
    // answers null), so a number read on its own has the version it had in the list, and a name alone
    // is no change of the number.
    QString versionOf(const core::PhoneNumberRecord& record) const;
    bool upsert(qint64 profileId, const QList<core::PhoneNumberRecord>& records,
                QString* error = nullptr) const;
    // The profile's number whose E.164 text is exactly `e164`; nullopt when it has none (or on error).
    std::optional<core::PhoneNumberRecord> findByE164(qint64 profileId, const QString& e164,
                                                      QString* error = nullptr) const;
    // Ordered by number.
    QList<core::PhoneNumberRecord> list(qint64 profileId, const PhoneNumberFilter& filter = {},
                                        QString* error = nullptr, const Page& page = {}) const;
    // How many rows list() returns without a page; -1 on error.
    int count(qint64 profileId, const PhoneNumberFilter& filter = {}, QString* error = nullptr) const;

    // RingCentral reports a number's features (CallerId, SmsSender, ...) only in an extension's number
    // list, never in the account's: sync::DetailQueue records them here, beside the listed record (its
    // upsert and version do not touch them). Numbers not stored yet, and records whose features the
    // provider did not report, are skipped.
    bool setListedFeatures(qint64 profileId, const QList<core::PhoneNumberRecord>& listed,
                           QString* error = nullptr) const;
    // The features an extension list reported for the number; nullopt when none has yet (or on error).
    std::optional<core::NumberFeatures> listedFeatures(qint64 profileId, const QString& numberId,
                                                       QString* error = nullptr) const;

    // The profile's numbers in number order as the UTF-8 cells of an export row: id, e164, label, usage
    // type, payment type, call type, status, features (space-separated; the listed ones when read), extension
    // id, extension number, provider, synced at (ISO 8601 UTC, whole seconds). The stored wire texts as they
    // are, so that a million rows stream without building records (store/TextRows.h).
    bool forEachExportRow(qint64 profileId, const TextRowSink& sink, QString* error = nullptr) const;

    // A number from a row whose columns, from `first` on, are the table's in order: id, provider, e164,
    // digits, label, usage_type, payment_type, call_type, status, features, extension_id,
    // extension_number, restcomm_json. For queries that join more columns around them.
    static core::PhoneNumberRecord decodeRow(const QSqlQuery& q, int first);
    // The same from the UTF-8 cells of a text row (store/TextRows.h).
    static core::PhoneNumberRecord decodeTexts(const QList<QByteArrayView>& cells, int first);
};

} // namespace trunkline::store
