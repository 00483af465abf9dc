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

namespace trunkline::gui {

// Adds a number to a Restcomm profile, the kinds the provider's "Add a New Number" offers: US local by
// area code, global by country, toll-free by prefix (800/888/877/866/855), vanity pattern, and a SIP
// virtual number. It first searches the provider's available numbers live (a progress bar, a cancel,
// errors as the provider states them), then the admin picks one and the dialog hands back the provision
// request (changes::NumberChangePayloads::provisionFields) for the caller to stage.
class AddNumberDialog : public QDialog {
    Q_OBJECT

public:
    enum class Kind { UsLocal, Global, TollFree, Vanity, SipVirtual };
    Q_ENUM(Kind)

    AddNumberDialog(connection::ConnectionFactory& factory, store::Profile profile,
                    QWidget* parent = nullptr);
    ~AddNumberDialog() override;

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

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateKind();
    void validate();
    void finishSearch(const QString& status, const QString& error);
    void dropConnection();
    QString isoCountry() const;
    QString numberType() const;

    std::unique_ptr<Ui::AddNumberDialog> m_ui;
    connection::ConnectionFactory& m_factory;
    store::Profile m_profile;
    std::unique_ptr<connection::Connection> m_connection;
    std::unique_ptr<providers::NumberSearch> m_client;
    QPointer<net::ApiReply> m_reply;
    quint64 m_generation = 0; // answers of an older (cancelled) search are ignored
    bool m_searching = false;
    QString m_searchedCountry; // of the results shown
    QString m_searchedType;
};

} // namespace trunkline::gui
