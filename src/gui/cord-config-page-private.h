/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What cord-config-page.c and cord-config-forms.c share: the page's fields, the device's state, applying a change, entries, validators and the forms' building blocks. */
#pragma once

#include "cord-config-page.h"
#include "ios-console.h"
#include "ip.h"

G_BEGIN_DECLS

/* Checks what is typed in an entry; FALSE with *why set when it is wrong. */
typedef gboolean (*ValidateFunc) (CordConfigPage *self,
                                  const char     *text,
                                  char          **why);
/* Applies an entry that holds a valid value. */
typedef void (*ApplyFunc) (CordConfigPage *self,
                           GtkEditable    *entry);

struct _CordConfigPage
{
  GtkWidget     parent_instance;

  CordDocument *document;
  CordTopology *topology;
  CordDevice   *device;
  CordConsole  *console;
  guint         echo_id;
  gulong        changed_handler;
  gulong        port_added_handler;
  gulong        port_removed_handler;

  GtkWidget    *paned;         /* the only child */
  GtkListBox   *sidebar;
  GtkWidget    *scroller;      /* holds the form */
  GtkLabel     *title;
  GtkLabel     *status;        /* why the last change failed, or that the device is off */
  GtkTextView  *echo;
  char         *selected;      /* "settings", "static", "vlans", "if:NAME" */
  gboolean      updating;      /* values are being set from the device */

  /* The widgets of the form shown; NULL when it has none. */
  GtkWidget    *form;
  GtkEditable  *display_name, *hostname;
  GtkEditable  *address, *mask, *gateway, *dns;
  GtkEditable  *net, *net_mask, *next_hop;
  GtkEditable  *vlan_id, *vlan_name;
  GtkEditable  *mac_entry;     /* a router's Ethernet port: `mac-address` */
  GtkWidget    *port_on;
  GtkDropDown  *bandwidth, *duplex, *mode, *vlan;
  GtkLabel     *mac, *vlan_label;
  GtkListBox   *list;
  GArray       *vlan_ids;      /* guint16: the vlan drop-down's items */
};

/* cord-config-page.c: the device's state */
CordSim       *_cord_config_page_sim                    (CordConfigPage *self);
/* The device's IOS while it runs, NULL otherwise. */
CordIosDevice *_cord_config_page_ios                    (CordConfigPage *self);
const char    *_cord_config_page_selected_port          (CordConfigPage *self);
gboolean       _cord_config_page_is_host                (CordConfigPage *self);
/* Routed ports are those with an IP interface (router ports, a 3560's
 * `no switchport` ports). */
gboolean       _cord_config_page_port_info              (CordConfigPage *self,
                                                         const char     *ifname,
                                                         CordIpIfInfo   *info);
char          *_cord_config_page_ipv4                   (guint32         address);

/* cord-config-page.c: applying a change */
void           _cord_config_page_show_status            (CordConfigPage *self,
                                                         const char     *message);
/* Runs @commands as one undoable edit called @label; @undo puts back the
 * state before. */
gboolean       _cord_config_page_configure              (CordConfigPage *self,
                                                         const char     *commands,
                                                         const char     *undo,
                                                         const char     *label);
/* The same on the interface selected. */
gboolean       _cord_config_page_port_configure         (CordConfigPage *self,
                                                         const char     *command,
                                                         const char     *undo,
                                                         const char     *label);
/* Adds text to the pane, as the consoles echo it. */
void           _cord_config_page_echo_append            (CordConfigPage *self,
                                                         const char     *text);

/* cord-config-page.c: entries */
gboolean       _cord_config_page_entry_validate         (CordConfigPage *self,
                                                         GtkEditable    *entry);
/* Puts a value from the device into @entry, unless the user is editing it. */
void           _cord_config_page_entry_set              (CordConfigPage *self,
                                                         GtkEditable    *entry,
                                                         const char     *text);

/* cord-config-page.c: validators */
gboolean       _cord_config_page_valid_display_name     (CordConfigPage *self,
                                                         const char     *text,
                                                         char          **why);
gboolean       _cord_config_page_valid_hostname         (CordConfigPage *self,
                                                         const char     *text,
                                                         char          **why);
gboolean       _cord_config_page_valid_address_or_empty (CordConfigPage *self,
                                                         const char     *text,
                                                         char          **why);
gboolean       _cord_config_page_valid_address          (CordConfigPage *self,
                                                         const char     *text,
                                                         char          **why);
/* The dotted form IOS writes, or the colon and dash forms Windows and
 * Linux print; empty is the burned-in address. */
gboolean       _cord_config_page_parse_mac              (const char     *text,
                                                         guint64        *mac);
gboolean       _cord_config_page_valid_mac              (CordConfigPage *self,
                                                         const char     *text,
                                                         char          **why);
gboolean       _cord_config_page_valid_mask_or_empty    (CordConfigPage *self,
                                                         const char     *text,
                                                         char          **why);
gboolean       _cord_config_page_valid_mask             (CordConfigPage *self,
                                                         const char     *text,
                                                         char          **why);
gboolean       _cord_config_page_valid_vlan_id          (CordConfigPage *self,
                                                         const char     *text,
                                                         char          **why);
gboolean       _cord_config_page_valid_vlan_name        (CordConfigPage *self,
                                                         const char     *text,
                                                         char          **why);

/* cord-config-page.c: the forms' building blocks */
GtkWidget     *_cord_config_page_section                (GtkWidget      *form,
                                                         const char     *title);
void           _cord_config_page_grid_row               (GtkWidget      *grid,
                                                         const char     *label,
                                                         GtkWidget      *widget);
/* An entry called @name that checks what is typed with @validate and
 * applies it with @apply on Enter or when the focus leaves it. */
GtkEditable   *_cord_config_page_entry_new              (CordConfigPage *self,
                                                         const char     *name,
                                                         ValidateFunc    validate,
                                                         ApplyFunc       apply);
GtkWidget     *_cord_config_page_button_new             (const char     *label,
                                                         const char     *name,
                                                         GCallback       callback,
                                                         gpointer        user_data);
/* A row of buttons; the list ends with NULL. */
GtkWidget     *_cord_config_page_button_row             (GtkWidget      *first,
                                                         ...);
GtkDropDown   *_cord_config_page_drop_down_new          (const char         *name,
                                                         const char * const *items);
GtkListBox    *_cord_config_page_list_new               (GtkWidget      *form,
                                                         const char     *name);
/* A row of @list with @text and, when @callback is not NULL, a Remove
 * button that passes @key (owned by the row) to it. */
void           _cord_config_page_list_add               (CordConfigPage *self,
                                                         GtkListBox     *list,
                                                         const char     *text,
                                                         GCallback       callback,
                                                         char           *key);
void           _cord_config_page_list_clear             (GtkListBox     *list);

/* cord-config-page.c: the form shown */
void           _cord_config_page_form_update            (CordConfigPage *self);

/* cord-config-forms.c: each form is built into @form, then filled in from
 * the device by its update function. */
void           _cord_config_page_build_settings         (CordConfigPage *self,
                                                         GtkWidget      *form);
void           _cord_config_page_build_static           (CordConfigPage *self,
                                                         GtkWidget      *form);
void           _cord_config_page_update_static          (CordConfigPage *self);
void           _cord_config_page_build_vlans            (CordConfigPage *self,
                                                         GtkWidget      *form);
void           _cord_config_page_update_vlans           (CordConfigPage *self);
void           _cord_config_page_build_interface        (CordConfigPage *self,
                                                         GtkWidget      *form);
void           _cord_config_page_update_interface       (CordConfigPage *self);

G_END_DECLS
