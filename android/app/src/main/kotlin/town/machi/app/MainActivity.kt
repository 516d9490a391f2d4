package town.machi.app

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.viewModels
import town.machi.app.ui.MachiApp

/** The one activity: Compose draws the tabs. */
class MainActivity : ComponentActivity() {
    private val model: MainModel by viewModels { MainModel.factory(application as MachiApplication) }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContent { MachiApp(model) }
    }
}
