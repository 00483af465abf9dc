#pragma once

#include "gui/GuiForward.h"
#include "gui/Retranslate.h"

#include <QWizardPage>

namespace trunkline::gui {

// The route number (the main DID the extensions hang off), read in any common notation and checked
// against core::PortingRules as it is typed: German only, with the reason when it is refused. A number
// already in the inventory of a profile, or already on a port order of this profile, is not refused
// but warned about, as porting it again is almost always a mistake. Once the draft order exists the
// number is fixed (setLockedBy).
class RouteNumberPage : public Retranslating<QWizardPage> {
    Q_OBJECT
    Q_PROPERTY(QString routeE164 READ routeE164 NOTIFY routeChanged)

public:
    RouteNumberPage(store::Database& database, qint64 profileId, QWidget* parent = nullptr);

    QString routeText() const;
    void setRouteText(const QString& text);
    // Empty while the text is not a usable German number.
    QString routeE164() const { return m_e164; }

    bool isComplete() const override { return !m_e164.isEmpty(); }

    // The draft order the provider made with this number: the number cannot change any more (the order
    // would keep the old one), and the order is no longer warned about as "already on a port order".
    void setLockedBy(const QString& orderId);
    // Read-only while the provider creates the draft with this number.
    void setCreatingDraft(bool creating);

signals:
    void routeChanged();

private:
    void retranslate() override;
    void check();
    QStringList whereKnown(const QString& e164) const;

    store::Database& m_database;
    qint64 m_profileId;
    QString m_e164;
    QLabel* m_intro = nullptr;
    QLabel* m_routeLabel = nullptr;
    QLineEdit* m_route = nullptr;
    QLabel* m_parsed = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_warning = nullptr;
    QLabel* m_lock = nullptr;
    QString m_lockedBy;
    bool m_creatingDraft = false;
};

} // namespace trunkline::gui
