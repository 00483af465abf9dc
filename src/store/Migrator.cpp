#include "store/Migrator.h"

#include "store/Database.h"
#include "store/SqlUtil.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

struct Migration {
    int version;
    QStringList statements;
    // Run after `statements` on PostgreSQL only: what a shared store enforces in the server itself.
    QStringList postgresOnly = {};
};

// Conventions: ids that come from a provider are TEXT (keys with profile_id); times are TEXT in
// ISO 8601 UTC with milliseconds, which sorts correctly as text on both engines; flags and enums are
// stored as the providers' wire strings so a reordered C++ enum cannot corrupt old rows.
// {{ID}} is a dialect difference: SQLite's rowid alias versus a PostgreSQL sequence; {{NEW_UUID}} is a
// random id per row (PostgreSQL 13 or later).
const QList<Migration>& migrations() {
    static const QList<Migration> all = {
        {1,
         {
             uR"(CREATE TABLE profiles (
                id {{ID}},
                name TEXT NOT NULL UNIQUE,
                provider TEXT NOT NULL,
                base_url TEXT NOT NULL,
                account_id TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL))"_s,
             uR"(CREATE TABLE accounts (
                profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                main_number TEXT NOT NULL DEFAULT '',
                brand TEXT NOT NULL DEFAULT '',
                service_plan TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT '',
                operator_extension_id TEXT NOT NULL DEFAULT '',
                operator_name TEXT NOT NULL DEFAULT '',
                version TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (profile_id, id)))"_s,
             uR"(CREATE TABLE extensions (
                profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                extension_number TEXT NOT NULL DEFAULT '',
                name TEXT NOT NULL DEFAULT '',
                type TEXT NOT NULL,
                status TEXT NOT NULL,
                first_name TEXT NOT NULL DEFAULT '',
                last_name TEXT NOT NULL DEFAULT '',
                company TEXT NOT NULL DEFAULT '',
                job_title TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL DEFAULT '',
                business_phone TEXT NOT NULL DEFAULT '',
                mobile_phone TEXT NOT NULL DEFAULT '',
                department TEXT NOT NULL DEFAULT '',
                time_zone TEXT NOT NULL DEFAULT '',
                is_admin INTEGER NOT NULL DEFAULT 0,
                caller_id_number TEXT NOT NULL DEFAULT '',
                version TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (profile_id, id)))"_s,
             // No foreign key to extensions: a number may name an extension that a partial pull has
             // not fetched yet, and the number must still be shown.
             uR"(CREATE TABLE phone_numbers (
                profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                provider TEXT NOT NULL,
                e164 TEXT NOT NULL,
                digits TEXT NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                usage_type TEXT NOT NULL,
                payment_type TEXT NOT NULL,
                call_type TEXT NOT NULL,
                status TEXT NOT NULL,
                features TEXT NOT NULL DEFAULT '',
                extension_id TEXT NOT NULL DEFAULT '',
                extension_number TEXT NOT NULL DEFAULT '',
                restcomm_json TEXT,
                version TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (profile_id, id)))"_s,
             uR"(CREATE TABLE forwarding_numbers (
                profile_id BIGINT NOT NULL,
                extension_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                id TEXT NOT NULL,
                phone_number TEXT NOT NULL DEFAULT '',
                label TEXT NOT NULL DEFAULT '',
                type TEXT NOT NULL,
                features TEXT NOT NULL DEFAULT '',
                flip_number INTEGER NOT NULL DEFAULT 0,
                device_id TEXT NOT NULL DEFAULT '',
                version TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (profile_id, extension_id, position),
                FOREIGN KEY (profile_id, extension_id) REFERENCES extensions(profile_id, id) ON DELETE CASCADE))"_s,
             uR"(CREATE TABLE porting_orders (
                profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                status TEXT NOT NULL,
                exception_codes TEXT NOT NULL DEFAULT '',
                country_code TEXT NOT NULL DEFAULT '',
                customer_reference TEXT NOT NULL DEFAULT '',
                support_key TEXT NOT NULL DEFAULT '',
                foc_datetime_requested TEXT,
                created_at TEXT,
                updated_at TEXT,
                version TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (profile_id, id)))"_s,
             uR"(CREATE TABLE porting_phone_numbers (
                profile_id BIGINT NOT NULL,
                id TEXT NOT NULL,
                porting_order_id TEXT NOT NULL,
                phone_number TEXT NOT NULL,
                phone_number_type TEXT NOT NULL DEFAULT '',
                porting_order_status TEXT NOT NULL,
                activation_status TEXT NOT NULL DEFAULT '',
                portability_status TEXT NOT NULL DEFAULT '',
                requirements_status TEXT NOT NULL DEFAULT '',
                version TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (profile_id, id),
                FOREIGN KEY (profile_id, porting_order_id) REFERENCES porting_orders(profile_id, id) ON DELETE CASCADE))"_s,
             uR"(CREATE TABLE phone_number_extensions (
                profile_id BIGINT NOT NULL,
                id TEXT NOT NULL,
                porting_phone_number_id TEXT NOT NULL,
                range_start INTEGER NOT NULL,
                range_end INTEGER NOT NULL,
                created_at TEXT,
                updated_at TEXT,
                version TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (profile_id, id),
                FOREIGN KEY (profile_id, porting_phone_number_id)
                    REFERENCES porting_phone_numbers(profile_id, id) ON DELETE CASCADE))"_s,
             uR"(CREATE TABLE activation_ranges (
                profile_id BIGINT NOT NULL,
                phone_number_extension_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                start_at INTEGER NOT NULL,
                end_at INTEGER NOT NULL,
                PRIMARY KEY (profile_id, phone_number_extension_id, position),
                FOREIGN KEY (profile_id, phone_number_extension_id)
                    REFERENCES phone_number_extensions(profile_id, id) ON DELETE CASCADE))"_s,
             uR"(CREATE TABLE pending_changes (
                id {{ID}},
                profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                entity TEXT NOT NULL,
                entity_key TEXT NOT NULL,
                operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
                payload TEXT NOT NULL DEFAULT '{}',
                base_version TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'applying', 'applied', 'failed', 'conflict')),
                last_error TEXT NOT NULL DEFAULT '',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL))"_s,
             u"CREATE INDEX pending_changes_by_profile_state ON pending_changes (profile_id, state, id)"_s,
             // The audit log outlives deleted profiles on purpose: no foreign key, the name is copied.
             uR"(CREATE TABLE audit_log (
                id {{ID}},
                at TEXT NOT NULL,
                profile_id BIGINT,
                profile_name TEXT NOT NULL DEFAULT '',
                actor TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_key TEXT NOT NULL DEFAULT '',
                action TEXT NOT NULL,
                summary TEXT NOT NULL DEFAULT ''))"_s,
             u"CREATE INDEX audit_log_by_profile ON audit_log (profile_id, id)"_s,
         }},
        // v2: freshness per record (when was this row last confirmed by the provider) and the indexes
        // behind the console's filters.
        {2,
         {
             u"ALTER TABLE accounts ADD COLUMN synced_at TEXT"_s,
             u"ALTER TABLE extensions ADD COLUMN synced_at TEXT"_s,
             u"ALTER TABLE phone_numbers ADD COLUMN synced_at TEXT"_s,
             u"ALTER TABLE forwarding_numbers ADD COLUMN synced_at TEXT"_s,
             u"ALTER TABLE porting_orders ADD COLUMN synced_at TEXT"_s,
             u"ALTER TABLE porting_phone_numbers ADD COLUMN synced_at TEXT"_s,
             u"ALTER TABLE phone_number_extensions ADD COLUMN synced_at TEXT"_s,
             u"CREATE INDEX phone_numbers_by_digits ON phone_numbers (profile_id, digits)"_s,
             u"CREATE INDEX phone_numbers_by_usage ON phone_numbers (profile_id, usage_type)"_s,
             u"CREATE INDEX phone_numbers_by_provider ON phone_numbers (provider, profile_id)"_s,
             u"CREATE INDEX phone_numbers_by_extension ON phone_numbers (profile_id, extension_id)"_s,
             u"CREATE INDEX extensions_by_type ON extensions (profile_id, type)"_s,
             u"CREATE INDEX extensions_by_status ON extensions (profile_id, status)"_s,
             u"CREATE INDEX extensions_by_number ON extensions (profile_id, extension_number)"_s,
             u"CREATE INDEX porting_phone_numbers_by_order ON porting_phone_numbers (profile_id, porting_order_id)"_s,
             u"CREATE INDEX phone_number_extensions_by_number ON phone_number_extensions (profile_id, porting_phone_number_id)"_s,
         }},
        // v3: the numbers table of the console shows every profile at once, sorted by any column and
        // read in keyset pages (store/NumberTableQuery), so each sort column needs an index that ends
        // in the tie-breakers (profile_id, id). The number's index carries the digits too: a wildcard
        // filter then walks one index in display order without touching the table for rejected rows.
        {3,
         {
             u"CREATE INDEX phone_numbers_sorted_by_e164 ON phone_numbers (e164, profile_id, id, digits)"_s,
             u"CREATE INDEX phone_numbers_sorted_by_label ON phone_numbers (label, profile_id, id)"_s,
             u"CREATE INDEX phone_numbers_sorted_by_usage ON phone_numbers (usage_type, profile_id, id)"_s,
             u"CREATE INDEX phone_numbers_sorted_by_payment ON phone_numbers (payment_type, profile_id, id)"_s,
             u"CREATE INDEX phone_numbers_sorted_by_call_type ON phone_numbers (call_type, profile_id, id)"_s,
             u"CREATE INDEX phone_numbers_sorted_by_features ON phone_numbers (features, profile_id, id)"_s,
             u"CREATE INDEX phone_numbers_sorted_by_extension ON phone_numbers (extension_number, profile_id, id)"_s,
             u"CREATE INDEX phone_numbers_sorted_by_status ON phone_numbers (status, profile_id, id)"_s,
             u"CREATE INDEX phone_numbers_sorted_by_provider ON phone_numbers (provider, profile_id, id)"_s,
         }},
        // v4: per-extension settings that have no record of their own (caller ID, notification settings,
        // the business-hours answering rule), kept as the provider's JSON: the console edits a few
        // members and must send the rest back untouched. One row per (extension, kind); the rows go
        // with their extension.
        {4,
         {
             uR"(CREATE TABLE extension_settings (
                profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                extension_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                json TEXT NOT NULL,
                version TEXT NOT NULL DEFAULT '',
                synced_at TEXT,
                PRIMARY KEY (profile_id, extension_id, kind),
                FOREIGN KEY (profile_id, extension_id) REFERENCES extensions(profile_id, id) ON DELETE CASCADE))"_s,
         }},
        // v5: a digits filter with a leading prefix ("+4930*12*") is answered as a range of this index
        // (NumberTableQuery adds digits >= '4930' AND digits < '4931'): walking the number index in
        // display order rejected most of a million rows before the first match (bench/ui).
        {5,
         {
             u"CREATE INDEX phone_numbers_by_digits_prefix ON phone_numbers (digits, e164, profile_id, id)"_s,
         }},
        // v6: the provider's time zone list (RingCentral's dictionary), so the extension form offers the
        // provider's zones offline and a push can name a zone by the id the provider wants.
        {6,
         {
             uR"(CREATE TABLE time_zones (
                profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (profile_id, id)))"_s,
         }},
        // v7: a pending change keeps the record's values from before the first edit (the members it
        // touches, as JSON like the payload), so a review can show before/after and a merge has a base.
        // Changes staged by older versions have none: '{}'.
        {7,
         {
             u"ALTER TABLE pending_changes ADD COLUMN base_values TEXT NOT NULL DEFAULT '{}'"_s,
         }},
        // v8: a change being applied names its applier and how long the claim holds (claim_owner,
        // lease_until; see docs/architecture.md, "Claims and leases"), and every edit of a staged change
        // bumps its revision, so two admins revising one change cannot silently overwrite each other.
        // An `applying` row of an older version has no lease: any applier may recover it.
        {8,
         {
             u"ALTER TABLE pending_changes ADD COLUMN claim_owner TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE pending_changes ADD COLUMN lease_until TEXT"_s,
             u"ALTER TABLE pending_changes ADD COLUMN revision INTEGER NOT NULL DEFAULT 1"_s,
         }},
        // v9: a profile's secret is keyed by a random UUID instead of its row id, so two database files
        // (or a shared store) with the same ids never share keychain entries; existing profiles get
        // theirs here. The audit log names the host an entry was written from; its actor becomes the
        // identity the store authenticated (AuditLogRepository).
        {9,
         {
             u"ALTER TABLE profiles ADD COLUMN uuid TEXT NOT NULL DEFAULT ''"_s,
             u"UPDATE profiles SET uuid = {{NEW_UUID}}"_s,
             u"CREATE UNIQUE INDEX profiles_by_uuid ON profiles (uuid)"_s,
             u"ALTER TABLE audit_log ADD COLUMN host TEXT NOT NULL DEFAULT ''"_s,
         }},
        // v10: an applied change keeps what the provider held afterwards for the members it touched (the
        // read-back the apply checked), so `pending list` shows it beside what was reviewed.
        {10,
         {
             u"ALTER TABLE pending_changes ADD COLUMN read_back TEXT NOT NULL DEFAULT '{}'"_s,
         }},
        // v11: the audit log keeps an applied change's values before and after (the members it touched),
        // so the log answers "what did it change" without the pending change, which may be gone.
        {11,
         {
             u"ALTER TABLE audit_log ADD COLUMN before_values TEXT NOT NULL DEFAULT '{}'"_s,
             u"ALTER TABLE audit_log ADD COLUMN after_values TEXT NOT NULL DEFAULT '{}'"_s,
         }},
        // v12: four-eyes approval for teams. A pending change names its author and, once approved, who
        // approved it and when. Changes staged before have no known author (''). On PostgreSQL the
        // server decides who someone is (session_user: the role it authenticated, which SET ROLE cannot
        // change) and enforces the rules itself, so a modified client cannot get around them:
        //  - approval_policy holds the setting (one row, off by default); only members of the role that
        //    owns the table, the one that ran this migration (the team's database owner), may change it,
        //    even if someone was granted UPDATE on all tables;
        //  - the trigger on pending_changes sets the author on insert, keeps it fixed, accepts an approver
        //    only as the session's own role and never the author's, clears the approval when the change is
        //    revised (anything that alters what will be sent), and refuses to claim or finish an
        //    unapproved change while four-eyes is on;
        //  - approve_change(id) is the approval for roles that may not update the table directly.
        // SQLite has no server and one user: no setting there, four-eyes is off.
        // Errors carry SQLSTATEs of class TL (FourEyesPolicy.h) so the client can word them for the admin.
        {12,
         {
             u"ALTER TABLE pending_changes ADD COLUMN author TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE pending_changes ADD COLUMN approved_by TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE pending_changes ADD COLUMN approved_at TEXT"_s,
         },
         {
             u"ALTER TABLE pending_changes ALTER COLUMN author SET DEFAULT session_user"_s,
             uR"(CREATE TABLE approval_policy (
                singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
                four_eyes BOOLEAN NOT NULL DEFAULT FALSE,
                changed_by TEXT NOT NULL DEFAULT '',
                changed_at TEXT))"_s,
             u"INSERT INTO approval_policy (singleton) VALUES (TRUE)"_s,
             u"GRANT SELECT ON approval_policy TO PUBLIC"_s,
             uR"(CREATE FUNCTION trunkline_guard_approval_policy() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
                                       'MEMBER') THEN
                        RAISE EXCEPTION 'only the owner of the Trunkline tables may change the four-eyes setting'
                            USING ERRCODE = 'TL004';
                    END IF;
                    IF TG_LEVEL = 'STATEMENT' OR TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'the four-eyes setting is one row that stays' USING ERRCODE = 'TL004';
                    END IF;
                    NEW.changed_by := session_user;
                    NEW.changed_at := to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                              'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
                    RETURN NEW;
                END $$)"_s,
             uR"(CREATE TRIGGER approval_policy_guard BEFORE INSERT OR UPDATE OR DELETE ON approval_policy
                FOR EACH ROW EXECUTE FUNCTION trunkline_guard_approval_policy())"_s,
             uR"(CREATE TRIGGER approval_policy_no_truncate BEFORE TRUNCATE ON approval_policy
                FOR EACH STATEMENT EXECUTE FUNCTION trunkline_guard_approval_policy())"_s,
             // SECURITY DEFINER so that it reads the setting whatever the caller was granted; session_user
             // is still the caller's authenticated role. The setting is read from the table's own schema,
             // never through the search path, where a session's temporary table of the same name would
             // come first. A missing setting row counts as four-eyes on.
             uR"(CREATE FUNCTION trunkline_guard_pending_change() RETURNS trigger LANGUAGE plpgsql
                SECURITY DEFINER SET search_path FROM CURRENT AS $$
                DECLARE
                    required BOOLEAN;
                BEGIN
                    EXECUTE format('SELECT COALESCE((SELECT four_eyes FROM %I.approval_policy), TRUE)',
                                   TG_TABLE_SCHEMA) INTO required;
                    IF TG_OP = 'INSERT' THEN
                        NEW.author := session_user;
                        NEW.approved_by := '';
                        NEW.approved_at := NULL;
                        IF required AND NEW.state IN ('applying', 'applied') THEN
                            RAISE EXCEPTION 'a change needs a second person''s approval before it is applied'
                                USING ERRCODE = 'TL002';
                        END IF;
                        RETURN NEW;
                    END IF;
                    IF NEW.author IS DISTINCT FROM OLD.author THEN
                        RAISE EXCEPTION 'the author of pending change % cannot be changed', OLD.id
                            USING ERRCODE = 'TL003';
                    END IF;
                    IF NEW.payload IS DISTINCT FROM OLD.payload OR NEW.revision IS DISTINCT FROM OLD.revision
                       OR NEW.operation IS DISTINCT FROM OLD.operation OR NEW.entity IS DISTINCT FROM OLD.entity
                       OR NEW.entity_key IS DISTINCT FROM OLD.entity_key
                       OR NEW.profile_id IS DISTINCT FROM OLD.profile_id
                       OR NEW.base_version IS DISTINCT FROM OLD.base_version THEN
                        NEW.approved_by := '';
                    ELSIF NEW.approved_by IS DISTINCT FROM OLD.approved_by AND NEW.approved_by <> '' THEN
                        IF NEW.approved_by IS DISTINCT FROM session_user THEN
                            RAISE EXCEPTION 'pending change % can only be approved as %', OLD.id, session_user
                                USING ERRCODE = 'TL003';
                        END IF;
                        IF NEW.approved_by = OLD.author THEN
                            RAISE EXCEPTION '% authored pending change % and cannot approve it', session_user,
                                OLD.id USING ERRCODE = 'TL001';
                        END IF;
                        IF OLD.state IN ('applying', 'applied') THEN
                            RAISE EXCEPTION 'pending change % is % and cannot be approved', OLD.id, OLD.state
                                USING ERRCODE = 'TL006';
                        END IF;
                    END IF;
                    IF NEW.approved_by = '' THEN
                        NEW.approved_at := NULL;
                    ELSIF NEW.approved_by IS DISTINCT FROM OLD.approved_by THEN
                        NEW.approved_at := to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                                   'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
                    ELSE
                        NEW.approved_at := OLD.approved_at;
                    END IF;
                    IF required AND NEW.approved_by = '' AND NEW.state IN ('applying', 'applied')
                       AND (NEW.state IS DISTINCT FROM OLD.state
                            OR NEW.claim_owner IS DISTINCT FROM OLD.claim_owner) THEN
                        RAISE EXCEPTION 'pending change % needs a second person''s approval before it is applied',
                            OLD.id USING ERRCODE = 'TL002';
                    END IF;
                    RETURN NEW;
                END $$)"_s,
             uR"(CREATE TRIGGER pending_changes_four_eyes BEFORE INSERT OR UPDATE ON pending_changes
                FOR EACH ROW EXECUTE FUNCTION trunkline_guard_pending_change())"_s,
             uR"(CREATE FUNCTION approve_change(change_id BIGINT) RETURNS TEXT LANGUAGE plpgsql
                SECURITY DEFINER SET search_path FROM CURRENT AS $$
                DECLARE
                    current_state TEXT;
                BEGIN
                    SELECT state INTO current_state FROM pending_changes WHERE id = change_id FOR UPDATE;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'there is no pending change %', change_id USING ERRCODE = 'TL005';
                    END IF;
                    IF current_state IN ('applying', 'applied') THEN
                        RAISE EXCEPTION 'pending change % is % and cannot be approved', change_id, current_state
                            USING ERRCODE = 'TL006';
                    END IF;
                    UPDATE pending_changes SET approved_by = session_user WHERE id = change_id;
                    RETURN session_user;
                END $$)"_s,
         }},
        // v13: the seeds' settings (issue 16). The account's plan, billing, features and business address;
        // an extension's endpoint type and a number's features as the per-extension reads report them
        // (sync::DetailQueue). Those two are outside the listed records' columns, so a list page's upsert
        // keeps them and they are no part of a record's version; NULL = not read yet.
        {13,
         {
             u"ALTER TABLE accounts ADD COLUMN service_plan_edition TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN billing_plan TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN billing_duration INTEGER NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE accounts ADD COLUMN billing_duration_unit TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN billing_plan_type TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN enabled_features TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN disabled_features TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN company_name TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN address_street TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN address_city TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN address_state TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN address_zip TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE accounts ADD COLUMN address_country TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE extensions ADD COLUMN endpoint_type TEXT"_s,
             u"CREATE INDEX extensions_by_endpoint_type ON extensions (profile_id, endpoint_type, id)"_s,
             u"ALTER TABLE phone_numbers ADD COLUMN listed_features TEXT"_s,
             // The numbers table sorts by the features it shows: the listed ones once read.
             u"DROP INDEX phone_numbers_sorted_by_features"_s,
             u"CREATE INDEX phone_numbers_sorted_by_features ON phone_numbers "
             u"((COALESCE(listed_features, features)), profile_id, id)"_s,
         }},
        // v14: every stored number updates each of the table's B-trees (a 1,000,000-number sync spends
        // most of its time there, docs/performance.md); this one is a prefix of
        // phone_numbers_sorted_by_provider (provider, profile_id, id), which serves its queries as well.
        {14,
         {
             u"DROP INDEX phone_numbers_by_provider"_s,
         }},
        // v15: a first sync into an empty phone_numbers table defers most of its indexes and builds them
        // once the list is stored (store/DeferredIndexes); their definitions wait here, also across a
        // killed process. Created on PostgreSQL too, so that both engines keep one schema, but only
        // SQLite defers.
        {15,
         {
             uR"(CREATE TABLE deferred_indexes (
                name TEXT PRIMARY KEY,
                definition TEXT NOT NULL))"_s,
         }},
    };
    return all;
}

} // namespace

Migrator::Migrator(Database& database)
    : m_database(database) {
}

int Migrator::latestVersion() {
    return migrations().constLast().version;
}

QList<int> Migrator::versions() {
    QList<int> out;
    for (const Migration& migration : migrations())
        out << migration.version;
    return out;
}

QStringList Migrator::statementsFor(int version, bool postgres) {
    for (const Migration& migration : migrations()) {
        if (migration.version == version) {
            QStringList out;
            QStringList statements = migration.statements;
            if (postgres)
                statements += migration.postgresOnly;
            for (QString statement : statements) {
                statement.replace("{{ID}}"_L1,
                                  postgres ? "BIGSERIAL PRIMARY KEY"_L1 : "INTEGER PRIMARY KEY"_L1);
                // Evaluated per row on both engines; SQLite's is 32 hex digits without dashes.
                statement.replace("{{NEW_UUID}}"_L1,
                                  postgres ? "gen_random_uuid()::text"_L1 : "lower(hex(randomblob(16)))"_L1);
                out << statement;
            }
            return out;
        }
    }
    return {};
}

bool Migrator::hasVersionTable() const {
    // Not QSqlDatabase::tables(): on PostgreSQL it names tables outside "public" as schema.table,
    // and a team database may well use its own schema through search_path.
    QSqlQuery query(m_database.connection());
    if (m_database.isPostgres()) {
        return query.exec(u"SELECT to_regclass('schema_version') IS NOT NULL"_s) && query.next() &&
               query.value(0).toBool();
    }
    return query.exec(
               u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"_s) &&
           query.next() && query.value(0).toInt() == 1;
}

int Migrator::currentVersion(QString* error) const {
    QSqlDatabase db = m_database.connection();
    if (!hasVersionTable()) {
        return 0;
    }
    QSqlQuery query(db);
    if (!query.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s) || !query.next()) {
        if (error) {
            *error = tr("Cannot read the schema version of %1: %2")
                         .arg(m_database.displayName(), query.lastError().text());
        }
        return -1;
    }
    return query.value(0).toInt();
}

bool Migrator::migrateTo(int targetVersion, QString* error) {
    const auto fail = [&](const QString& message) {
        if (error) {
            *error = message;
        }
        return false;
    };

    QSqlDatabase db = m_database.connection();
    if (!hasVersionTable()) {
        QSqlQuery create(db);
        if (!create.exec(
                u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at "
                u"TEXT NOT NULL)"_s)) {
            return fail(tr("Cannot prepare the schema of %1: %2")
                            .arg(m_database.displayName(), create.lastError().text()));
        }
    }

    int current = currentVersion(error);
    if (current < 0) {
        return false;
    }
    if (current > latestVersion()) {
        return fail(tr("The database %1 has schema version %2, but this version of Trunkline only knows "
                       "schema versions up to %3. Update Trunkline to open it.")
                        .arg(m_database.displayName())
                        .arg(current)
                        .arg(latestVersion()));
    }

    for (const Migration& migration : migrations()) {
        if (migration.version <= current || migration.version > targetVersion) {
            continue;
        }
        QSqlQuery query(db); // outlives the transaction, see SqlUtil.cpp
        Transaction transaction(m_database);
        if (!transaction.isActive()) {
            return fail(transaction.error());
        }
        // Another Trunkline sharing the PostgreSQL database may be migrating right now: the lock
        // makes it wait, and the re-read below skips what it already did.
        if (m_database.isPostgres() && !query.exec(u"LOCK TABLE schema_version IN EXCLUSIVE MODE"_s)) {
            return fail(tr("Cannot lock the schema of %1: %2")
                            .arg(m_database.displayName(), query.lastError().text()));
        }
        if (!query.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s) || !query.next()) {
            return fail(tr("Cannot read the schema version of %1: %2")
                            .arg(m_database.displayName(), query.lastError().text()));
        }
        const int now = query.value(0).toInt();
        query.finish();
        if (now >= migration.version) {
            current = now;
            continue;
        }
        for (const QString& statement : statementsFor(migration.version, m_database.isPostgres())) {
            if (!query.exec(statement)) {
                return fail(tr("Cannot upgrade %1 to schema version %2: %3")
                                .arg(m_database.displayName())
                                .arg(migration.version)
                                .arg(query.lastError().text()));
            }
        }
        query.prepare(u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s);
        query.addBindValue(migration.version);
        query.addBindValue(sql::toText(QDateTime::currentDateTimeUtc()));
        if (!query.exec()) {
            return fail(tr("Cannot upgrade %1 to schema version %2: %3")
                            .arg(m_database.displayName())
                            .arg(migration.version)
                            .arg(query.lastError().text()));
        }
        query.finish();
        if (!transaction.commit()) {
            return fail(transaction.error());
        }
        current = migration.version;
    }
    return true;
}

} // namespace trunkline::store
