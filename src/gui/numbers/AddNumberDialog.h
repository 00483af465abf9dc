#pragma once

#include "gui/GuiForward.h"
#include "store/Profile.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>
#include <memory>
#include <optional>

namespace Ui {
class AddNumberDialog;
}
namespace trunkline::providers {
struct ProviderCapabilities;
}

namespace trunkline::gui {

// Adds a number to a provider account, the kinds of the seed's "Add a New Number" that the account's
// provider sells through its API (providers::ProviderCapabilities::addNumberKinds): US local by area code,
// global by country, toll-free by prefix (800/888/877/866/855), vanity pattern, and Restcomm's SIP virtual
// number. It first searches the provider's available numbers live (a progress bar, a cancel, errors as the
// provider states them), then the admin picks one and the dialog hands back the provision request
// (changes::NumberChangePayloads::provisionFields) for the caller to stage: Restcomm provisions it, Telnyx
// orders it. For a provider whose API sells no numbers (RingCentral) it says so and links the admin portal;
// for one that takes port orders it offers "Port in…" instead.
class AddNumberDialog : public QDialog {
    Q_OBJECT

public:
    enum class Kind { UsLocal, Global, TollFree, Vanity, SipVirtual };
    Q_ENUM(Kind)

    // `profiles`: the accounts offered, the first one chosen.
    AddNumberDialog(connection::ConnectionFactory& factory, QList<store::Profile> profiles,
                    QWidget* parent = nullptr);
    AddNumberDialog(connection::ConnectionFactory& factory, const store::Profile& profile,
                    QWidget* parent = nullptr);
    ~AddNumberDialog() override;

    // The account chosen the last time the dialog offered several (QSettings).
    static std::optional<qint64> rememberedProfile();
    // The account the number is added to.
    const store::Profile& profile() const { return m_profile; }
    void setProfile(qint64 profileId);
    // Whether the chosen account's provider sells numbers through its API (else the portal note shows).
    bool canAddHere() const;

    void setKind(Kind kind);
    Kind kind() const;
    bool isSearching() const { return m_searching; }
    // The provision payload for the chosen number; {} while nothing valid is chosen.
    QJsonObject provisionRequest() const;
    // Every broken rule of the search criteria and the friendly name; empty when a search may start.
    QStringList problems() const;

public slots:
    void search();
    void cancelSearch();

signals:
    // A search ended: with results (possibly none), an error, or cancelled.
    void searchFinished();
    // The admin chose "Port in…" (the dialog closes): the porting wizard takes over.
    void portInRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateProfile();
    void updateKind();
    QString vanityProblem(const QString& pattern) const;
    void validate();
    void finishSearch(const QString& status, const QString& error);
    void dropConnection();
    QString isoCountry() const;
    QString numberType() const;

    std::unique_ptr<Ui::AddNumberDialog> m_ui;
    connection::ConnectionFactory& m_factory;
    QList<store::Profile> m_profiles;
    store::Profile m_profile;
    const providers::ProviderCapabilities* m_provider = nullptr;
    std::unique_ptr<connection::Connection> m_connection;
    std::unique_ptr<providers::NumberSearch> m_client;
    QPointer<net::ApiReply> m_reply;
    quint64 m_generation = 0; // answers of an older (cancelled) search are ignored
    bool m_searching = false;
    QString m_searchedCountry; // of the results shown
    QString m_searchedType;
};

} // namespace trunkline::gui
