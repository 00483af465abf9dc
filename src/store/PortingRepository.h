#pragma once

#include "core/PortingOrder.h"
#include "store/RecordAccess.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <optional>

namespace trunkline::store {

// An order as the lists show it (the Port orders page, `trunkline-cli port list|show`): with its route
// number (the first number on the order; empty before a sync pulled it) and the extension blocks attached
// to its numbers. Extended numbers are not porting phone numbers of their own, so the blocks are what
// says which numbers port.
struct PortOrderOverview {
    core::PortingOrder order;
    QString routeNumber;
    QList<core::PhoneNumberExtension> extensions;

    // The numbers that will be live after the port: the sum of the blocks' activation ranges.
    int activeCount() const;
};

// Telnyx porting orders, the numbers on them and the German extended-number ranges of those numbers.
// Parents must be stored before children (the foreign keys cascade deletes downwards).
class PortingRepository {
    Q_DECLARE_TR_FUNCTIONS(PortingRepository)

public:
    explicit PortingRepository(Database& database);

    bool upsertOrders(qint64 profileId, const QList<core::PortingOrder>& orders, QString* error = nullptr);
    bool removeOrdersExcept(qint64 profileId, const QStringList& keptIds, QString* error = nullptr,
                            int* removed = nullptr);
    bool removeOrder(qint64 profileId, const QString& id, QString* error = nullptr);
    std::optional<core::PortingOrder> findOrder(qint64 profileId, const QString& id,
                                                QString* error = nullptr) const;
    // Newest first; a status narrows the list.
    QList<core::PortingOrder> orders(qint64 profileId, std::optional<core::PortingOrderStatus> status = {},
                                     QString* error = nullptr) const;
    std::optional<RecordState> orderState(qint64 profileId, const QString& id,
                                          QString* error = nullptr) const;
    // orders() with each order's route number and extension blocks.
    QList<PortOrderOverview> overviews(qint64 profileId, std::optional<core::PortingOrderStatus> status = {},
                                       QString* error = nullptr) const;
    QString versionOf(const core::PortingOrder& order) const { return m_orders.versionOf(order); }

    bool upsertPhoneNumbers(qint64 profileId, const QList<core::PortingPhoneNumber>& numbers,
                            QString* error = nullptr);
    bool removePhoneNumbersExcept(qint64 profileId, const QStringList& keptIds, QString* error = nullptr,
                                  int* removed = nullptr);
    QList<core::PortingPhoneNumber> phoneNumbers(qint64 profileId, const QString& portingOrderId,
                                                 QString* error = nullptr) const;
    std::optional<core::PortingPhoneNumber> findPhoneNumber(qint64 profileId, const QString& id,
                                                            QString* error = nullptr) const;
    QString versionOf(const core::PortingPhoneNumber& number) const { return m_numbers.versionOf(number); }

    // Each extension's activation ranges are replaced together with it, in the same transaction.
    bool upsertExtensions(qint64 profileId, const QList<core::PhoneNumberExtension>& extensions,
                          QString* error = nullptr);
    bool removeExtensionsExcept(qint64 profileId, const QStringList& keptIds, QString* error = nullptr,
                                int* removed = nullptr);
    bool removeExtension(qint64 profileId, const QString& id, QString* error = nullptr);
    QList<core::PhoneNumberExtension> extensions(qint64 profileId, const QString& portingPhoneNumberId,
                                                 QString* error = nullptr) const;
    std::optional<core::PhoneNumberExtension> findExtension(qint64 profileId, const QString& id,
                                                            QString* error = nullptr) const;
    std::optional<RecordState> extensionState(qint64 profileId, const QString& id,
                                              QString* error = nullptr) const;
    static QString versionOf(const core::PhoneNumberExtension& extension);

private:
    bool loadActivationRanges(qint64 profileId, QList<core::PhoneNumberExtension>& extensions,
                              QString* error) const;

    Database& m_database;
    RecordAccess<core::PortingOrder> m_orders;
    RecordAccess<core::PortingPhoneNumber> m_numbers;
    RecordAccess<core::PhoneNumberExtension> m_extensions;
};

} // namespace trunkline::store
